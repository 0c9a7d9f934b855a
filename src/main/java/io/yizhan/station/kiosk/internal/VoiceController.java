package io.yizhan.station.kiosk.internal;

import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves synthesised prompts to the kiosk's audio element. */
@RestController
class VoiceController {

    private final VoicePrompts voice;

    VoiceController(VoicePrompts voice) {
        this.voice = voice;
    }

    @GetMapping("/voice/{name}")
    ResponseEntity<Resource> audio(@PathVariable String name) {
        return voice.file(name)
                .<ResponseEntity<Resource>>map((Path file) -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("audio/wav"))
                        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(30)))
                        .body(new FileSystemResource(file)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}

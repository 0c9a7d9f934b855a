package io.yizhan.station.kiosk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.shared.Translations;
import io.yizhan.station.support.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoicePromptsTest {

    @TempDir
    Path cache;

    @Test
    void withoutTheSynthesiserVoiceIsUnavailableAndNothingIsSpoken() {
        VoicePrompts voice = new VoicePrompts(cache, "no-such-espeak-binary");
        assertThat(voice.available()).isFalse();
        assertThat(voice.speak("您好", Translations.SIMPLIFIED)).isEmpty();
    }

    @Test
    void speaksOncePerSentenceAndServesOnlyCachedFiles() throws Exception {
        RequiredTool.require("espeak-ng", "espeak-ng");
        VoicePrompts voice = new VoicePrompts(cache, "espeak-ng");
        String first = voice.speak("请点一下要办的事", Translations.SIMPLIFIED).orElseThrow();
        Path file = voice.file(first).orElseThrow();
        byte[] header = Files.readAllBytes(file);
        assertThat(new String(header, 0, 4)).isEqualTo("RIFF");
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertThat(voice.speak("请点一下要办的事", Translations.SIMPLIFIED)).contains(first);
        assertThat(Files.getLastModifiedTime(file).toMillis()).as("served from the cache").isEqualTo(modified);
        assertThat(voice.speak("请点一下要办的事", Translations.ENGLISH)).get().as("another voice, another file").isNotEqualTo(first);
        assertThat(voice.file("../../etc/passwd")).isEmpty();
        assertThat(voice.file("0".repeat(64) + ".wav")).isEmpty();
    }
}

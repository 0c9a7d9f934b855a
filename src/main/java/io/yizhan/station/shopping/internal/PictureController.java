package io.yizhan.station.shopping.internal;

import io.yizhan.station.shopping.Catalog;
import java.time.Duration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catalog pictures for the kiosk and the counter, from the station's disk (so they show while
 * central is away). A name is its content's hash, so browsers may keep it for a week.
 */
@RestController
class PictureController {

    private final Catalog catalog;

    PictureController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping(Catalog.PICTURES + "{hash}.png")
    ResponseEntity<Resource> picture(@PathVariable String hash) {
        return catalog.picture(hash).<ResponseEntity<Resource>>map(p -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7))).body(new FileSystemResource(p))).orElseGet(() -> ResponseEntity.notFound().build());
    }
}

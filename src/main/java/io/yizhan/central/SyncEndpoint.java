package io.yizhan.central;

import io.yizhan.contract.BatchResult;
import io.yizhan.contract.EventBatch;
import io.yizhan.contract.FeedItem;
import io.yizhan.contract.FeedPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where stations deliver their events. A station may deliver only its own (403 otherwise). */
@RestController
class SyncEndpoint {

    static final int MAX_BATCH = 1000;

    private final Ingest ingest;
    private final Feeds feeds;
    private final CentralCatalog catalog;

    SyncEndpoint(Ingest ingest, Feeds feeds, CentralCatalog catalog) {
        this.ingest = ingest;
        this.feeds = feeds;
        this.catalog = catalog;
    }

    /** A catalog picture as PNG, for the station to cache on its disk; a week in HTTP caches, as a name never changes its picture. */
    @GetMapping(value = "/api/sync/pictures/{name}.png", produces = "image/png")
    ResponseEntity<byte[]> picture(@PathVariable String name) {
        return catalog.picture(name).map(png -> ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(7)))
                .body(png)).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** A station pulls its own items of a feed after the last cursor it applied. */
    @GetMapping("/api/sync/feeds/{feed}")
    FeedPage feed(@PathVariable String feed, @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "200") int limit,
                  Principal station) {
        int n = Math.clamp(limit, 1, 1000);
        return new FeedPage(FeedItem.CATALOG.equals(feed) ? catalog.feed(after, n) : feeds.read(station.getName(), feed, after, n));
    }

    @PostMapping(EventBatch.PATH)
    ResponseEntity<?> deliver(@RequestBody EventBatch batch, Principal station) {
        if (!station.getName().equals(batch.stationId())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("code", "FORBIDDEN",
                    "message", "只能提交本站的数据 A station delivers only its own events"));
        }
        if (batch.events() == null || batch.events().size() > MAX_BATCH) {
            return ResponseEntity.badRequest().body(Map.of("code", "BAD_BATCH", "message", "1 to " + MAX_BATCH + " events per batch"));
        }
        return ResponseEntity.ok(new BatchResult(ingest.accept(station.getName(), batch.events())));
    }
}

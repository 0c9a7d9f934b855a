package io.yizhan.central;

import io.yizhan.contract.BatchResult;
import io.yizhan.contract.EventBatch;
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

    SyncEndpoint(Ingest ingest) {
        this.ingest = ingest;
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

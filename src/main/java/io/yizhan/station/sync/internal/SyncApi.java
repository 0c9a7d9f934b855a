package io.yizhan.station.sync.internal;

import io.yizhan.station.sync.Sync;
import io.yizhan.station.sync.SyncStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sync/status} (staff): the link to central as the station sees it. */
@RestController
class SyncApi {

    private final Sync sync;

    SyncApi(Sync sync) {
        this.sync = sync;
    }

    @GetMapping("/api/sync/status")
    Map<String, Object> status() {
        SyncStatus s = sync.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("online", s.online());
        m.put("pending", s.pending());
        m.put("oldestPendingSeconds", s.oldestPendingSeconds());
        m.put("lastSuccessAt", s.lastSuccessAt() == null ? null : s.lastSuccessAt().toString());
        m.put("quarantined", s.quarantined());
        m.put("lastError", s.lastError());
        m.put("alarm", s.alarm());
        return m;
    }
}

package io.yizhan.central;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator API (HTTP Basic, ROLE_OPERATOR): per-station summary and the events as they arrived. */
@RestController
class OperatorApi {

    private final Stations stations;
    private final Ingest ingest;

    OperatorApi(Stations stations, Ingest ingest) {
        this.stations = stations;
        this.ingest = ingest;
    }

    @GetMapping("/api/central/stations/{id}/summary")
    ResponseEntity<Map<String, Object>> summary(@PathVariable String id) {
        return stations.summary(id).map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eventsReceived", s.eventsReceived());
            m.put("duplicatesIgnored", s.duplicatesIgnored());
            m.put("lastEventAt", s.lastEventAt() == null ? null : s.lastEventAt().toString());
            return ResponseEntity.ok(m);
        }).orElseGet(() -> ResponseEntity.status(404).body(Map.of("code", "NOT_FOUND", "message", "没有这个站点 No such station")));
    }

    @GetMapping("/api/central/stations/{id}/events")
    ResponseEntity<?> events(@PathVariable String id, @RequestParam(required = false) @Nullable UUID after,
                             @RequestParam(defaultValue = "100") int limit) {
        if (!stations.exists(id)) {
            return ResponseEntity.status(404).body(Map.of("code", "NOT_FOUND", "message", "没有这个站点 No such station"));
        }
        List<Map<String, Object>> page = ingest.after(id, after, Math.clamp(limit, 1, 1000)).stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("type", e.type());
            m.put("aggregateId", e.aggregateId());
            m.put("occurredAt", e.occurredAt().toString());
            m.put("receivedAt", e.receivedAt().toString());
            return m;
        }).toList();
        return ResponseEntity.ok(page);
    }
}

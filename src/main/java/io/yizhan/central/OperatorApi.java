package io.yizhan.central;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import io.yizhan.contract.FeedItem;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator API (HTTP Basic, ROLE_OPERATOR): per-station summary and the events as they arrived. */
@RestController
class OperatorApi {

    private final Stations stations;
    private final Ingest ingest;
    private final Feeds feeds;
    private final Notifications notifications;
    private final JsonMapper json;

    OperatorApi(Stations stations, Ingest ingest, Feeds feeds, Notifications notifications, JsonMapper json) {
        this.stations = stations;
        this.ingest = ingest;
        this.feeds = feeds;
        this.notifications = notifications;
        this.json = json;
    }

    record ManifestLine(@Nullable String waybill, @Nullable String courier, @Nullable String phone) {
    }

    /**
     * A courier's manifest for a station: parcels on their way with the recipient's phone (stands in
     * for the courier integrations). Each line goes on the station's {@code manifests} feed.
     */
    @PostMapping("/api/central/stations/{id}/manifests")
    @Transactional
    ResponseEntity<?> manifest(@PathVariable String id, @RequestBody List<ManifestLine> lines) {
        if (!stations.exists(id)) {
            return ResponseEntity.status(404).body(Map.of("code", "NOT_FOUND", "message", "没有这个站点 No such station"));
        }
        for (ManifestLine l : lines) {
            String waybill = l.waybill() == null ? "" : l.waybill().strip().toUpperCase(java.util.Locale.ROOT);
            String phone = l.phone() == null ? "" : l.phone().replaceAll("\\D", "");
            String courier = l.courier() == null ? "" : l.courier().strip().toUpperCase(java.util.Locale.ROOT);
            if (!waybill.matches("[A-Z0-9-]{8,32}") || !phone.matches("1\\d{10}") || !courier.matches("[A-Z0-9_-]{0,16}")) {
                return ResponseEntity.badRequest().body(Map.of("code", "BAD_MANIFEST",
                        "message", "运单号、手机号或快递公司不对 bad waybill, phone or courier: " + waybill));
            }
        }
        for (ManifestLine l : lines) {
            String waybill = l.waybill().strip().toUpperCase(java.util.Locale.ROOT);
            feeds.publish(id, FeedItem.MANIFESTS, waybill, json.createObjectNode().put("waybill", waybill)
                    .put("courier", l.courier() == null ? null : l.courier().strip().toUpperCase(java.util.Locale.ROOT))
                    .put("phone", l.phone().replaceAll("\\D", "")));
        }
        return ResponseEntity.accepted().body(Map.of("lines", lines.size()));
    }

    /** The SMS sandbox: what central sent (or failed to), newest first; phones masked. */
    @GetMapping("/api/central/sms")
    List<Map<String, Object>> sms(@RequestParam(defaultValue = "100") int limit) {
        return notifications.recent(Math.clamp(limit, 1, 1000)).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("stationId", s.stationId());
            m.put("phone", s.maskedPhone());
            m.put("text", s.text());
            m.put("status", s.status());
            m.put("reason", s.reason());
            m.put("createdAt", s.createdAt().toString());
            return m;
        }).toList();
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

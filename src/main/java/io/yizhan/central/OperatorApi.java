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
    private final CentralListings listings;
    private final CentralCatalog catalog;

    OperatorApi(Stations stations, Ingest ingest, Feeds feeds, Notifications notifications, JsonMapper json, CentralListings listings,
                CentralCatalog catalog) {
        this.listings = listings;
        this.catalog = catalog;
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

    record ListingOut(UUID id, String stationId, String lotNo, String productName, String grade, String unit, String title, String description,
                      long priceFen, long quantity, String origin, java.time.LocalDate harvestedOn, boolean hasPicture, String status,
                      @Nullable String reason, String receivedAt) {

        static ListingOut of(CentralListings.Listing l) {
            return new ListingOut(l.id(), l.stationId(), l.lotNo(), l.productName(), l.grade(), l.unit(), l.title(), l.description(), l.priceFen(),
                    l.quantity(), l.origin(), l.harvestedOn(), l.thumbnail() != null, l.status(), l.reason(), l.receivedAt().toString());
        }
    }

    /** Listings stations sent, newest first: {@code status} PENDING, LISTED or REJECTED (all when not given). */
    @GetMapping("/api/central/listings")
    List<ListingOut> listings(@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "100") int limit) {
        return listings.recent(status, Math.clamp(limit, 1, 1000)).stream().map(ListingOut::of).toList();
    }

    record ReviewIn(@Nullable Boolean approved, @Nullable String reason) {
    }

    record ReviewOut(UUID id, String status) {
    }

    /** The operator lists a pending listing ({@code approved: true}) or rejects it with a reason; the decision goes to the station's feed. */
    @PostMapping("/api/central/listings/{id}/review")
    ResponseEntity<?> review(@PathVariable UUID id, @RequestBody ReviewIn in, java.security.Principal operator) {
        if (listings.find(id).isEmpty()) {
            return ResponseEntity.status(404).body(Map.of("code", "NOT_FOUND", "message", "没有这个商品 No such listing"));
        }
        boolean approved = Boolean.TRUE.equals(in.approved());
        if (!approved && (in.reason() == null || in.reason().isBlank() || in.reason().strip().length() > 200)) {
            return ResponseEntity.badRequest().body(Map.of("code", "REASON_REQUIRED", "message", "退回需要写明原因 A rejection needs a reason"));
        }
        if (!listings.review(id, approved, in.reason(), operator.getName())) {
            return ResponseEntity.status(409).body(Map.of("code", "ALREADY_REVIEWED", "message", "这个商品已经审核过 Already reviewed"));
        }
        return ResponseEntity.ok(new ReviewOut(id, approved ? "LISTED" : "REJECTED"));
    }

    record OrderIn(@Nullable Long quantity, @Nullable String recipientName, @Nullable String recipientPhone, @Nullable String province,
                   @Nullable String address) {
    }

    /**
     * The platform's sandbox buyer orders a listed lot ({@code quantity} in grams or pieces; the
     * recipient defaults to a test buyer); the order goes to the station's {@code online-orders} feed.
     */
    @PostMapping("/api/central/listings/{id}/orders")
    ResponseEntity<?> order(@PathVariable UUID id, @RequestBody OrderIn in) {
        String phone = in.recipientPhone() == null ? "13800138000" : in.recipientPhone().replaceAll("\\D", "");
        String name = in.recipientName() == null ? "测试买家" : in.recipientName().strip();
        String address = in.address() == null ? "深圳市南山区科技园科苑路 1 号" : in.address().strip();
        String province = in.province() == null ? "GD" : in.province().strip().toUpperCase(java.util.Locale.ROOT);
        if (!phone.matches("1\\d{10}") || name.isEmpty() || name.length() > 20 || address.length() < 5 || address.length() > 120
                || !province.matches("[A-Z]{2,3}")) {
            return ResponseEntity.badRequest().body(Map.of("code", "BAD_RECIPIENT", "message", "收件人、手机号或地址不对 bad recipient, phone or address"));
        }
        try {
            CentralListings.Order o = listings.order(id, in.quantity() == null ? 0 : in.quantity(), name, phone, province, address);
            return ResponseEntity.status(201).body(Map.of("orderId", o.id(), "amountFen", o.amountFen(), "shippingFen", o.shippingFen()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(409).body(Map.of("code", "CANNOT_ORDER", "message", "没有上架，或者数量超过了上架数量 not listed, or more than offered"));
        }
    }

    /** Platform orders for listed lots, newest first; phones masked. */
    @GetMapping("/api/central/online-orders")
    List<CentralListings.Order> onlineOrders() {
        return listings.orders(null);
    }

    /** A product's stock on hand (what is reserved included) and what is reserved: {@code stock − reserved} can still be ordered. */
    @GetMapping("/api/central/products/{productId}")
    ResponseEntity<?> product(@PathVariable String productId) {
        return catalog.stock(productId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("code", "NOT_FOUND", "message", "没有这个商品 No such product")));
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

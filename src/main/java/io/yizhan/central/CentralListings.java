package io.yizhan.central;

import io.yizhan.contract.EventEnvelope;
import io.yizhan.contract.FeedItem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's side of consignment listings: what stations sent (stored with their {@code LotListed}
 * event, exactly once), the operator's review, and the decision back on the station's
 * {@code listing-reviews} feed.
 */
@Service
public class CentralListings {

    /** A listing as the operator reviews it; the thumbnail is a Base64 JPEG or null. */
    public record Listing(UUID id, String stationId, String lotNo, String productName, String grade, String unit, String title, String description,
                          long priceFen, long quantity, String origin, LocalDate harvestedOn, @Nullable String thumbnail, String status,
                          @Nullable String reason, Instant receivedAt) {
    }

    private final JdbcClient jdbc;
    private final Feeds feeds;
    private final JsonMapper json;
    private final Clock clock;

    CentralListings(JdbcClient jdbc, Feeds feeds, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.feeds = feeds;
        this.json = json;
        this.clock = clock;
    }

    /** Stores a station's listing; called in the transaction that stores its event. */
    void received(String stationId, EventEnvelope e) {
        JsonNode p = e.payload();
        String thumbnail = p.path("thumbnailJpegBase64").isString() ? p.path("thumbnailJpegBase64").asString() : null;
        jdbc.sql("""
                        INSERT INTO central_listing (id, station_id, lot_no, product_code, product_name, grade, unit, title, description, price_fen, quantity,
                            origin, harvested_on, thumbnail, status, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(UUID.fromString(p.path("listingId").asString()), stationId, p.path("lotNo").asString(), p.path("productCode").asString(),
                        p.path("productName").asString(), p.path("grade").asString(), p.path("unit").asString(), p.path("title").asString(),
                        p.path("description").asString(), p.path("priceFen").asLong(), p.path("quantity").asLong(), p.path("origin").asString(),
                        LocalDate.parse(p.path("harvestedOn").asString()), thumbnail, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    private static final String COLUMNS = """
            id, station_id, lot_no, product_name, grade, unit, title, description, price_fen, quantity, origin, harvested_on, thumbnail, status,
            reason, received_at""";

    private static Listing listing(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Listing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getObject(12, LocalDate.class), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getObject(16, OffsetDateTime.class).toInstant());
    }

    /** Newest first; {@code status} PENDING, LISTED or REJECTED, or null for all. */
    public List<Listing> recent(@Nullable String status, int limit) {
        // the condition only when asked for: PostgreSQL cannot type a bare "? IS NULL"
        String where = status == null ? "" : " WHERE status = :status";
        return jdbc.sql("SELECT " + COLUMNS + " FROM central_listing" + where + " ORDER BY received_at DESC FETCH FIRST :limit ROWS ONLY")
                .params(status == null ? java.util.Map.of("limit", limit) : java.util.Map.of("status", status, "limit", limit))
                .query((rs, n) -> listing(rs)).list();
    }

    public Optional<Listing> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM central_listing WHERE id = ?").param(id).query((rs, n) -> listing(rs)).optional();
    }

    /** A platform order for a listed lot; the recipient's phone masked. */
    public record Order(UUID id, UUID listingId, String stationId, String title, long quantity, String unit, long amountFen, long shippingFen,
                        String recipientName, @Nullable String recipientPhoneMasked, String status, @Nullable String reason, @Nullable String waybill,
                        @Nullable Long sendingCostFen, Instant placedAt) {
    }

    /** What the sandbox buyer pays for shipping on the platform, whatever the weight. */
    static final long SANDBOX_SHIPPING_FEN = 1_000;

    /**
     * The platform's sandbox buyer orders {@code quantity} (grams or pieces) of a listed lot; the order
     * goes on the station's {@code online-orders} feed in the same transaction.
     *
     * @throws IllegalArgumentException not listed, or more than is still offered
     */
    @Transactional
    public Order order(UUID listingId, long quantity, String recipientName, String recipientPhone, String province, String address) {
        Listing l = find(listingId).filter(x -> x.status().equals("LISTED")).orElseThrow(() -> new IllegalArgumentException("not listed"));
        jdbc.sql("SELECT id FROM central_listing WHERE id = ? FOR UPDATE").param(listingId).query(UUID.class).single();
        long ordered = jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM central_online_order WHERE listing_id = ? AND status <> 'CANCELLED'")
                .param(listingId).query(Long.class).single();
        if (quantity <= 0 || ordered + quantity > l.quantity()) {
            throw new IllegalArgumentException("more than is offered");
        }
        long amount = l.unit().equals("KG") ? (quantity * l.priceFen() + 500) / 1000 : quantity * l.priceFen();
        UUID id = io.yizhan.station.shared.UuidV7.next(clock);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO central_online_order (id, listing_id, station_id, quantity, amount_fen, shipping_fen, recipient_name, recipient_phone,
                            province, address, status, placed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLACED', ?, ?)""")
                .params(id, listingId, l.stationId(), quantity, amount, SANDBOX_SHIPPING_FEN, recipientName, recipientPhone, province, address, now, now)
                .update();
        feeds.publish(l.stationId(), FeedItem.ONLINE_ORDERS, id.toString(), json.createObjectNode().put("orderId", id.toString())
                .put("listingId", listingId.toString()).put("quantity", quantity).put("amountFen", amount).put("shippingFen", SANDBOX_SHIPPING_FEN)
                .put("recipientName", recipientName).put("recipientPhone", recipientPhone).put("province", province).put("address", address));
        return orders(listingId).getFirst();
    }

    /** Orders, newest first (of one listing, or all when null). */
    public List<Order> orders(@Nullable UUID listingId) {
        return jdbc.sql("""
                        SELECT o.id, o.listing_id, o.station_id, l.title, o.quantity, l.unit, o.amount_fen, o.shipping_fen, o.recipient_name, o.recipient_phone,
                               o.status, o.reason, o.waybill, o.sending_cost_fen, o.placed_at
                        FROM central_online_order o JOIN central_listing l ON l.id = o.listing_id
                        WHERE o.listing_id = :listing OR :all ORDER BY o.placed_at DESC, o.id DESC FETCH FIRST 200 ROWS ONLY""")
                .param("listing", listingId == null ? new UUID(0, 0) : listingId).param("all", listingId == null).query((rs, n) -> {
                    long cost = rs.getLong(14);
                    Long sendingCost = rs.wasNull() ? null : cost;
                    String phone = rs.getString(10);
                    return new Order(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                            phone == null ? null : io.yizhan.station.shared.PersonalData.maskPhone(phone), rs.getString(11), rs.getString(12),
                            rs.getString(13), sendingCost, rs.getObject(15, OffsetDateTime.class).toInstant());
                }).list();
    }

    /** The station shipped an order or could not fill it; called in the transaction that stores its event. */
    void orderUpdated(EventEnvelope e) {
        JsonNode p = e.payload();
        UUID id = UUID.fromString(p.path("orderId").asString());
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (e.type().equals("OnlineOrderShipped")) {
            jdbc.sql("UPDATE central_online_order SET status = 'SHIPPED', waybill = ?, sending_cost_fen = ?, updated_at = ? WHERE id = ?")
                    .params(p.path("waybill").asString(), p.path("sendingCostFen").asLong(), now, id).update();
        } else {
            String reason = p.path("reason").asString("");
            jdbc.sql("UPDATE central_online_order SET status = 'CANCELLED', reason = ?, updated_at = ? WHERE id = ?")
                    .params(reason.length() > 200 ? reason.substring(0, 200) : reason, now, id).update();
        }
    }

    /**
     * The operator lists a pending listing or rejects it with a reason; the decision goes on the
     * station's feed in the same transaction. False when it was not pending (decided already).
     */
    @Transactional
    public boolean review(UUID id, boolean approved, @Nullable String reason, String operator) {
        String why = reason == null ? null : reason.strip();
        if (!approved && (why == null || why.isEmpty() || why.length() > 200)) {
            throw new IllegalArgumentException("a rejection needs a reason of 1 to 200 characters");
        }
        Optional<String> station = jdbc.sql("SELECT station_id FROM central_listing WHERE id = ? AND status = 'PENDING'").param(id).query(String.class)
                .optional();
        if (station.isEmpty()) {
            return false;
        }
        int changed = jdbc.sql("UPDATE central_listing SET status = ?, reason = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(approved ? "LISTED" : "REJECTED", approved ? null : why, operator, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id)
                .update();
        if (changed == 1) {
            feeds.publish(station.get(), FeedItem.LISTING_REVIEWS, id.toString(),
                    json.createObjectNode().put("listingId", id.toString()).put("approved", approved).put("reason", approved ? null : why));
        }
        return changed == 1;
    }
}

package io.yizhan.station.consignment;

import io.yizhan.contract.FeedItem;
import io.yizhan.station.shared.SecretBox;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.StockPart;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.parcels.SendRequest;
import io.yizhan.station.parcels.Sending;
import io.yizhan.station.parcels.Shipment;
import io.yizhan.station.sales.SaleCompleted;
import io.yizhan.station.shared.PersonalData;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Online orders for listed lots. An order arriving on the {@code online-orders} feed takes its goods
 * from stock at once (so the counter cannot sell them twice) and is attributed to the lot's consignor
 * at the online commission, payable after the after-sales window; the clerk ships it through the
 * sending flow, the postage billed to the platform order ({@link OnlineOrderShipped}); an order the
 * station cannot fill is cancelled with its reason ({@link OnlineOrderCancelled}), its goods back in
 * stock and its settlement lines reversed.
 */
@Service
public class OnlineOrders {

    /** RESERVED (goods set aside) → SHIPPED, or CANCELLED; CANNOT_FILL when the goods were gone on arrival. */
    public enum Status {
        RESERVED, SHIPPED, CANCELLED, CANNOT_FILL
    }

    /** An order as the counter shows it: the buyer's phone masked. */
    public record Order(UUID id, UUID listingId, String lotNo, String productName, Unit unit, long quantity, long amountFen, long shippingFen,
                        String recipientName, @Nullable String recipientPhoneMasked, String province, String address, Status status,
                        @Nullable String reason, @Nullable String waybill, @Nullable Long sendingCostFen, Instant receivedAt) {
    }

    private final JdbcClient jdbc;
    private final Goods goods;
    private final Stock stock;
    private final Settlement settlement;
    private final Sending sending;
    private final SecretBox box;
    private final Clock clock;
    private final AuditLog audit;
    private final StationProperties station;
    private final ApplicationEventPublisher events;

    OnlineOrders(JdbcClient jdbc, Goods goods, Stock stock, Settlement settlement, Sending sending, SecretBox box, Clock clock, AuditLog audit,
                 StationProperties station, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.goods = goods;
        this.stock = stock;
        this.settlement = settlement;
        this.sending = sending;
        this.box = box;
        this.clock = clock;
        this.audit = audit;
        this.station = station;
        this.events = events;
    }

    private static final String COLUMNS = """
            o.id, o.listing_id, l.lot_no, l.product_name, l.unit, o.quantity, o.amount_fen, o.shipping_fen, o.recipient_name, o.recipient_phone_masked,
            o.province, o.address, o.status, o.reason, o.waybill, o.sending_cost_fen, o.received_at""";

    private static Order order(java.sql.ResultSet rs) throws java.sql.SQLException {
        long cost = rs.getLong(16);
        Long sendingCost = rs.wasNull() ? null : cost;
        return new Order(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), Unit.valueOf(rs.getString(5)),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                Status.valueOf(rs.getString(13)), rs.getString(14), rs.getString(15), sendingCost, rs.getObject(17, OffsetDateTime.class).toInstant());
    }

    public Optional<Order> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consignment_online_order o JOIN consignment_lot l ON l.id = o.lot_id WHERE o.id = ?").param(id)
                .query((rs, n) -> order(rs)).optional();
    }

    /** Orders to ship first (oldest first), then the rest, newest first. */
    public List<Order> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consignment_online_order o JOIN consignment_lot l ON l.id = o.lot_id"
                        + " ORDER BY CASE WHEN o.status = 'RESERVED' THEN 0 ELSE 1 END, CASE WHEN o.status = 'RESERVED' THEN o.received_at END,"
                        + " o.received_at DESC FETCH FIRST ? ROWS ONLY")
                .param(limit).query((rs, n) -> order(rs)).list();
    }

    /** An order from the platform, in the transaction that moves the feed's cursor; applied once. */
    @EventListener
    void on(FeedItem item) {
        if (!item.feed().equals(FeedItem.ONLINE_ORDERS)) {
            return;
        }
        JsonNode p = item.payload();
        UUID id;
        UUID listingId;
        try {
            id = UUID.fromString(p.path("orderId").asString(""));
            listingId = UUID.fromString(p.path("listingId").asString(""));
        } catch (IllegalArgumentException notOurs) {
            return;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM consignment_online_order WHERE id = ?").param(id).query(Long.class).single() > 0) {
            return; // pulled again after a crash: already applied
        }
        record Listed(UUID lotId, String sku) {
        }
        Optional<Listed> listed = jdbc.sql("SELECT s.lot_id, l.sku FROM consignment_listing s JOIN consignment_lot l ON l.id = s.lot_id WHERE s.id = ?")
                .param(listingId).query((rs, n) -> new Listed(rs.getObject(1, UUID.class), rs.getString(2))).optional();
        if (listed.isEmpty()) {
            return;
        }
        long quantity = p.path("quantity").asLong(0);
        long amount = p.path("amountFen").asLong(-1);
        String phone = p.path("recipientPhone").asString("").replaceAll("\\D", "");
        String name = clip(p.path("recipientName").asString(""), 20);
        String address = clip(p.path("address").asString(""), 120);
        String province = clip(p.path("province").asString(""), 8);
        Instant now = clock.instant();
        boolean fillable = quantity > 0 && amount >= 0 && goods.onHand(listed.get().sku()) >= quantity;
        jdbc.sql("""
                        INSERT INTO consignment_online_order (id, listing_id, lot_id, quantity, amount_fen, shipping_fen, recipient_name, recipient_phone_enc,
                            recipient_phone_masked, province, address, status, reason, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, listingId, listed.get().lotId(), Math.max(1, quantity), Math.max(0, amount), Math.max(0, p.path("shippingFen").asLong(0)),
                        name, phone.isEmpty() ? null : box.seal(phone), phone.isEmpty() ? null : PersonalData.maskPhone(phone), province, address,
                        fillable ? Status.RESERVED.name() : Status.CANNOT_FILL.name(), fillable ? null : "库存不足", utc(now), utc(now))
                .update();
        if (!fillable) {
            events.publishEvent(new OnlineOrderCancelled(UuidV7.next(clock), id, "库存不足 not enough left at the station", now));
            return;
        }
        String reference = "online:" + id;
        stock.take(listed.get().sku(), quantity, reference, false);
        settlement.attribute(id, null, Settlement.ONLINE, List.of(new SaleCompleted.Line(listed.get().sku(), quantity, amount)), stock.sold(reference),
                now);
    }

    /**
     * Ships a reserved order through the sending flow, the postage billed to the platform order; the
     * waybill label prints at this counter.
     *
     * @throws ConsignmentRefused {@code NOT_FOUND}, {@code NOT_RESERVED}
     */
    @Transactional
    public Order ship(UUID id, String courier, long grams, String senderPhone) {
        Order o = find(id).orElseThrow(() -> new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.no-order"));
        if (o.status() != Status.RESERVED) {
            throw new ConsignmentRefused("NOT_RESERVED", 409, "consignment.error.order-state");
        }
        String phone = jdbc.sql("SELECT recipient_phone_enc FROM consignment_online_order WHERE id = ?").param(id).query(String.class).optional()
                .map(box::open).orElse("");
        Shipment shipment = sending.sendBilled(new SendRequest(courier, station.station().name(), senderPhone, o.recipientName(), phone,
                o.province(), o.address(), grams, null, null, null), "platform-order:" + id);
        if (jdbc.sql("""
                        UPDATE consignment_online_order SET status = 'SHIPPED', shipment_id = ?, waybill = ?, sending_cost_fen = ?, updated_at = ?
                        WHERE id = ? AND status = 'RESERVED'""")
                .params(shipment.id(), shipment.waybill(), shipment.priceFen(), utc(clock.instant()), id).update() != 1) {
            throw new ConsignmentRefused("NOT_RESERVED", 409, "consignment.error.order-state");
        }
        events.publishEvent(new OnlineOrderShipped(UuidV7.next(clock), id, shipment.waybill(), shipment.courier(), shipment.priceFen(), clock.instant()));
        audit.record("consignment.order-shipped", o.lotNo() + " " + shipment.waybill());
        return find(id).orElseThrow();
    }

    /**
     * Cancels a reserved order the station cannot fill after all (the goods spoiled or went missing):
     * the goods back in stock, the consignor's settlement lines reversed, the platform told.
     *
     * @throws ConsignmentRefused {@code NOT_FOUND}, {@code NOT_RESERVED}, {@code REASON_REQUIRED}
     */
    @Transactional
    public Order cancel(UUID id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw new ConsignmentRefused("REASON_REQUIRED", 400, "consignment.error.reason");
        }
        Order o = find(id).orElseThrow(() -> new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.no-order"));
        if (jdbc.sql("UPDATE consignment_online_order SET status = 'CANCELLED', reason = ?, updated_at = ? WHERE id = ? AND status = 'RESERVED'")
                .params(why, utc(clock.instant()), id).update() != 1) {
            throw new ConsignmentRefused("NOT_RESERVED", 409, "consignment.error.order-state");
        }
        String reference = "online:" + id;
        List<StockPart> taken = stock.sold(reference);
        stock.reverse(reference);
        String sku = taken.isEmpty() ? "" : taken.getFirst().sku();
        settlement.attribute(id, UuidV7.next(clock), Settlement.ONLINE, List.of(new SaleCompleted.Line(sku, o.quantity(), o.amountFen())), taken,
                clock.instant());
        events.publishEvent(new OnlineOrderCancelled(UuidV7.next(clock), id, why, clock.instant()));
        audit.record("consignment.order-cancelled", o.lotNo() + " " + why);
        return find(id).orElseThrow();
    }

    private static String clip(String s, int max) {
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

package io.yizhan.central;

import io.yizhan.contract.FeedItem;
import io.yizhan.contract.ShopOffer;
import io.yizhan.contract.ShopOrders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assisted-buying orders from stations. Placing reserves every line's stock with one guarded update
 * each ({@code stock - reserved >= quantity}), all or none, so the last units go to exactly as many
 * orders as there are units. A reserved order is held {@code reserve-for} (15 min) — an order in
 * review from its approval — and released when unpaid after that and a grace for a payment on its
 * way. Paid orders are shipped by the operator (or, in demo mode, by themselves after
 * {@code demo-ship-after}); a received order completes {@code confirm-after-days} later. Each
 * change goes on the station's {@code shop-orders} feed in its own transaction.
 */
@Service
public class CentralShop {

    /** A state change refused: the order is not in a state that allows it. */
    public static class Refused extends RuntimeException {
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** An order as the operator sees it. */
    public record Order(String orderNo, String stationId, String status, long totalFen, long discountFen, @Nullable String offer,
                        @Nullable Instant reservedUntil, @Nullable String courier, @Nullable String waybill, @Nullable Long commissionFen,
                        Instant placedAt, List<ShopOrders.Line> lines) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Feeds feeds;
    private final CentralCatalog catalog;
    private final JsonMapper json;
    private final Duration reserveFor;
    private final Duration payGrace;
    private final Duration demoShipAfter;
    private final Duration confirmAfter;
    private final int commissionPercent;
    private final boolean demo;

    CentralShop(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Feeds feeds, CentralCatalog catalog, JsonMapper json,
                @Value("${yizhan.central.shop.reserve-for:PT15M}") Duration reserveFor,
                @Value("${yizhan.central.shop.pay-grace:PT2M}") Duration payGrace,
                @Value("${yizhan.central.shop.demo-ship-after:PT2M}") Duration demoShipAfter,
                @Value("${yizhan.central.shop.confirm-after-days:7}") int confirmAfterDays,
                @Value("${yizhan.central.shop.commission-percent:3}") int commissionPercent,
                @Value("${yizhan.central.demo:false}") boolean demo) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.feeds = feeds;
        this.catalog = catalog;
        this.json = json;
        this.reserveFor = reserveFor;
        this.payGrace = payGrace;
        this.demoShipAfter = demoShipAfter;
        this.confirmAfter = Duration.ofDays(confirmAfterDays);
        this.commissionPercent = commissionPercent;
        this.demo = demo;
    }

    /** Places a station's order (or answers with it as it stands, when its number was placed before). */
    public ShopOrders.Answer place(String stationId, ShopOrders.Place place) {
        Optional<ShopOrders.Answer> before = answer(stationId, place.orderNo());
        if (before.isPresent()) {
            return before.get();
        }
        if (place.lines() == null || place.lines().isEmpty() || !place.orderNo().matches("[A-Za-z0-9-]{6,40}")) {
            throw new Refused("BAD_ORDER", "an order needs a number and at least one line");
        }
        Map<String, Long> quantities = new HashMap<>();
        Map<String, Long> shownPrices = new HashMap<>();
        for (ShopOrders.Line l : place.lines()) {
            if (l.quantity() <= 0 || l.quantity() > 999) {
                throw new Refused("BAD_QUANTITY", "a quantity is 1 to 999");
            }
            quantities.merge(l.productId(), l.quantity(), Long::sum);
            shownPrices.put(l.productId(), l.priceFen());
        }
        record Current(String productId, String category, long priceFen) {
        }
        List<Current> current = new ArrayList<>();
        for (String id : quantities.keySet().stream().sorted().toList()) {
            Optional<Current> c = jdbc.sql("SELECT product_id, category, price_fen FROM central_product WHERE product_id = ?").param(id)
                    .query((rs, n) -> new Current(rs.getString(1), rs.getString(2), rs.getLong(3))).optional();
            if (c.isEmpty()) {
                return nothing(place.orderNo(), "UNKNOWN_PRODUCT", id, List.of());
            }
            current.add(c.get());
        }
        List<ShopOrders.Line> today = current.stream().map(c -> new ShopOrders.Line(c.productId(), quantities.get(c.productId()), c.priceFen())).toList();
        if (current.stream().anyMatch(c -> c.priceFen() != shownPrices.get(c.productId()))) {
            return nothing(place.orderNo(), "PRICE_CHANGED", null, today);
        }
        Instant now = clock.instant();
        List<ShopOffer.Line> offerLines = current.stream().map(c -> new ShopOffer.Line(c.category(), c.priceFen() * quantities.get(c.productId()))).toList();
        Optional<ShopOffer.Applied> offer = ShopOffer.best(catalog.offers(now), offerLines, now);
        long gross = offerLines.stream().mapToLong(ShopOffer.Line::amountFen).sum();
        long discount = offer.map(ShopOffer.Applied::discountFen).orElse(0L);
        String[] outOf = new String[1];
        try {
            tx.executeWithoutResult(s -> {
                for (ShopOrders.Line l : today) { // sorted by product: two orders never wait on each other in a circle
                    if (jdbc.sql("UPDATE central_product SET reserved = reserved + ? WHERE product_id = ? AND stock - reserved >= ?")
                            .params(l.quantity(), l.productId(), l.quantity()).update() == 0) {
                        outOf[0] = l.productId();
                        s.setRollbackOnly();
                        return;
                    }
                }
                OffsetDateTime at = utc(now);
                jdbc.sql("""
                                INSERT INTO central_shop_order (order_no, station_id, status, total_fen, discount_fen, offer_kind, offer_text, reserved_until,
                                    placed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(place.orderNo(), stationId, place.review() ? "REVIEW" : "RESERVED", gross - discount, discount,
                                offer.map(ShopOffer.Applied::kind).orElse(null), offer.map(ShopOffer.Applied::description).orElse(null),
                                place.review() ? null : utc(now.plus(reserveFor)), at, at)
                        .update();
                for (ShopOrders.Line l : today) {
                    jdbc.sql("INSERT INTO central_shop_order_line (order_no, product_id, quantity, price_fen) VALUES (?, ?, ?, ?)")
                            .params(place.orderNo(), l.productId(), l.quantity(), l.priceFen()).update();
                }
            });
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return answer(stationId, place.orderNo()).orElseThrow(() -> new Refused("BAD_ORDER", "another station's order number"));
        }
        if (outOf[0] != null) {
            return nothing(place.orderNo(), "OUT_OF_STOCK", outOf[0], today);
        }
        return answer(stationId, place.orderNo()).orElseThrow();
    }

    private static ShopOrders.Answer nothing(String orderNo, String status, @Nullable String productId, List<ShopOrders.Line> lines) {
        return new ShopOrders.Answer(orderNo, status, productId, null, 0, 0, null, lines);
    }

    /** The station approved an order in review: it is held from now. */
    public ShopOrders.Answer approve(String stationId, String orderNo) {
        return change(stationId, orderNo, "REVIEW", "RESERVED", null, o -> jdbc.sql(
                "UPDATE central_shop_order SET reserved_until = ? WHERE order_no = ?").params(utc(clock.instant().plus(reserveFor)), orderNo).update());
    }

    /** The station cancels an order in review or reserved: its stock is released. */
    public ShopOrders.Answer cancel(String stationId, String orderNo) {
        Optional<ShopOrders.Answer> o = answer(stationId, orderNo);
        if (o.isPresent() && (o.get().status().equals("CANCELLED") || o.get().status().equals("EXPIRED"))) {
            return o.get();
        }
        String from = o.map(ShopOrders.Answer::status).orElse("");
        return change(stationId, orderNo, from.equals("REVIEW") ? "REVIEW" : "RESERVED", "CANCELLED", null, x -> release(orderNo));
    }

    /**
     * The station took the money. A reserved order is paid (also just past its deadline, while the
     * job has not released it); an expired one is paid only if its stock can be reserved again —
     * otherwise the answer stays {@code EXPIRED} and the station refunds. The same payment again
     * answers {@code PAID} again.
     */
    public ShopOrders.Answer paid(String stationId, String orderNo, ShopOrders.Paid paid) {
        ShopOrders.Answer o = answer(stationId, orderNo).orElseThrow(() -> new Refused("NOT_FOUND", "no such order"));
        if (o.status().equals("PAID") || isAfterPaid(o.status())) {
            return o;
        }
        if (paid.amountFen() != o.totalFen()) {
            return new ShopOrders.Answer(orderNo, "AMOUNT_MISMATCH", null, o.reservedUntil(), o.totalFen(), o.discountFen(), o.offer(), o.lines());
        }
        if (o.status().equals("EXPIRED") || o.status().equals("CANCELLED")) {
            boolean again = Boolean.TRUE.equals(tx.execute(s -> {
                for (ShopOrders.Line l : o.lines()) {
                    if (jdbc.sql("UPDATE central_product SET reserved = reserved + ? WHERE product_id = ? AND stock - reserved >= ?")
                            .params(l.quantity(), l.productId(), l.quantity()).update() == 0) {
                        s.setRollbackOnly();
                        return false;
                    }
                }
                return jdbc.sql("UPDATE central_shop_order SET status = 'RESERVED', reserved_until = ? WHERE order_no = ? AND status = ?")
                        .params(utc(clock.instant().plus(reserveFor)), orderNo, o.status())
                        .update() == 1 || rollback(s);
            }));
            if (!again) {
                return o;
            }
        }
        long commission = (o.totalFen() * commissionPercent + 50) / 100;
        return change(stationId, orderNo, "RESERVED", "PAID", null, x -> jdbc.sql(
                "UPDATE central_shop_order SET payment_ref = ?, paid_at = ?, commission_fen = ? WHERE order_no = ?")
                .params(paid.paymentRef(), utc(clock.instant()), commission, orderNo).update());
    }

    private static boolean rollback(org.springframework.transaction.TransactionStatus s) {
        s.setRollbackOnly();
        return false;
    }

    static boolean isAfterPaid(String status) {
        return List.of("SHIPPED", "ARRIVED", "RECEIVED", "COMPLETED", "AFTER_SALES", "REFUNDED").contains(status);
    }

    /** The supplier shipped a paid order: the stock leaves, the waybill goes to the station. */
    public ShopOrders.Answer ship(String orderNo, String courier, String waybill) {
        String station = jdbc.sql("SELECT station_id FROM central_shop_order WHERE order_no = ?").param(orderNo).query(String.class).optional()
                .orElseThrow(() -> new Refused("NOT_FOUND", "no such order"));
        String status = answer(station, orderNo).orElseThrow().status();
        if (status.equals("SHIPPED") || isAfterPaid(status)) {
            throw new Refused("ALREADY_SHIPPED", "the order was shipped already");
        }
        return change(station, orderNo, "PAID", "SHIPPED", new String[] {courier, waybill}, x -> {
            jdbc.sql("UPDATE central_shop_order SET courier = ?, waybill = ?, shipped_at = ? WHERE order_no = ?")
                    .params(courier, waybill, utc(clock.instant()), orderNo).update();
            for (ShopOrders.Line l : lines(orderNo)) {
                jdbc.sql("UPDATE central_product SET stock = stock - ?, reserved = reserved - ? WHERE product_id = ?")
                        .params(l.quantity(), l.quantity(), l.productId()).update();
            }
        });
    }

    /** The station reports its parcel arrived ({@code ARRIVED}) or was picked up ({@code RECEIVED}); called as its event is stored. */
    void reported(String stationId, String orderNo, String status) {
        String from = status.equals("ARRIVED") ? "SHIPPED" : "ARRIVED";
        int n = jdbc.sql("UPDATE central_shop_order SET status = ?, received_at = ?, updated_at = ? WHERE order_no = ? AND station_id = ? AND status IN (?, 'SHIPPED')")
                .params(status, status.equals("RECEIVED") ? utc(clock.instant()) : null, utc(clock.instant()), orderNo, stationId, from).update();
        if (n == 1) {
            publish(stationId, orderNo, status, null, null, null);
        }
    }

    /** An after-sales case as the operator sees it. */
    public record AfterSalesCase(java.util.UUID id, String stationId, String orderNo, String type, String reason, long amountFen, String status,
                                 @Nullable String note, Instant receivedAt) {
    }

    /**
     * A station's after-sales request, stored as its event arrives: approved there already (its rules)
     * → carried out now; pending → waits for the operator.
     */
    void afterSalesRequested(String stationId, tools.jackson.databind.JsonNode p) {
        java.util.UUID id = java.util.UUID.fromString(p.path("afterSalesId").asString());
        String status = p.path("status").asString("PENDING");
        jdbc.sql("""
                        INSERT INTO central_after_sales (id, station_id, order_no, type, reason, amount_fen, status, lines, received_at, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, stationId, p.path("orderNo").asString(), p.path("type").asString(), p.path("reason").asString(),
                        p.path("amountFen").asLong(), status.equals("APPROVED") ? "APPROVED" : "PENDING", p.path("lines").toString(),
                        utc(clock.instant()), status.equals("APPROVED") ? utc(clock.instant()) : null).update();
        jdbc.sql("UPDATE central_shop_order SET status = 'AFTER_SALES', updated_at = ? WHERE order_no = ? AND station_id = ?")
                .params(utc(clock.instant()), p.path("orderNo").asString(), stationId).update();
        if (status.equals("APPROVED")) {
            carryOut(id);
        }
    }

    /** The operator approves or rejects a pending request; the decision goes on the station's feed. False when it was not pending. */
    public boolean decideAfterSales(java.util.UUID id, boolean approved, @Nullable String note) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            Optional<AfterSalesCase> c = afterSales(id).filter(x -> x.status().equals("PENDING"));
            if (c.isEmpty() || jdbc.sql("UPDATE central_after_sales SET status = ?, note = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'")
                    .params(approved ? "APPROVED" : "REJECTED", note, utc(clock.instant()), id).update() == 0) {
                return false;
            }
            if (approved) {
                carryOut(id);
            } else {
                jdbc.sql("UPDATE central_shop_order SET status = CASE WHEN received_at IS NULL THEN 'ARRIVED' ELSE 'RECEIVED' END WHERE order_no = ?")
                        .param(c.get().orderNo()).update();
            }
            feeds.publish(c.get().stationId(), FeedItem.SHOP_ORDERS, "after-sales:" + id, json.valueToTree(new ShopOrders.Change(
                    c.get().orderNo(), approved ? ShopOrders.Change.AFTER_SALES_APPROVED : ShopOrders.Change.AFTER_SALES_REJECTED, null, null, null,
                    clock.instant(), id.toString(), note)));
            return true;
        }));
    }

    /** An approved case: a return's units back in stock; an exchange's or a repair's order back to PAID, to ship anew. */
    private void carryOut(java.util.UUID id) {
        AfterSalesCase c = afterSales(id).orElseThrow();
        tools.jackson.databind.JsonNode lines = json.readTree(jdbc.sql("SELECT lines FROM central_after_sales WHERE id = ?").param(id)
                .query(String.class).single());
        for (tools.jackson.databind.JsonNode l : lines) {
            long q = l.path("quantity").asLong();
            String product = l.path("productId").asString();
            switch (c.type()) {
                case "RETURN" -> jdbc.sql("UPDATE central_product SET stock = stock + ? WHERE product_id = ?").params(q, product).update();
                // the new item (an exchange) or the repaired one goes out again from stock
                case "EXCHANGE", "REPAIR" -> jdbc.sql("UPDATE central_product SET stock = stock + ?, reserved = reserved + ? WHERE product_id = ?")
                        .params(q, q, product).update();
                default -> {
                    // a refund only: the goods stay with the resident
                }
            }
        }
        if (c.type().equals("EXCHANGE") || c.type().equals("REPAIR")) {
            jdbc.sql("UPDATE central_shop_order SET status = 'PAID', paid_at = ?, courier = NULL, waybill = NULL WHERE order_no = ?")
                    .params(utc(clock.instant()), c.orderNo()).update();
        } else {
            jdbc.sql("UPDATE central_shop_order SET status = 'REFUNDED' WHERE order_no = ?").param(c.orderNo()).update();
        }
    }

    public Optional<AfterSalesCase> afterSales(java.util.UUID id) {
        return jdbc.sql("SELECT id, station_id, order_no, type, reason, amount_fen, status, note, received_at FROM central_after_sales WHERE id = ?")
                .param(id).query((rs, n) -> new AfterSalesCase(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant())).optional();
    }

    public List<AfterSalesCase> pendingAfterSales() {
        return jdbc.sql("SELECT id FROM central_after_sales WHERE status = 'PENDING' ORDER BY received_at").query(java.util.UUID.class).list().stream()
                .map(id -> afterSales(id).orElseThrow()).toList();
    }

    /** Releases reserved orders unpaid past their deadline and its grace; returns how many. */
    public int expire(Instant now) {
        List<String[]> due = jdbc.sql("SELECT order_no, station_id FROM central_shop_order WHERE status = 'RESERVED' AND reserved_until < ?")
                .param(utc(now.minus(payGrace))).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        int n = 0;
        for (String[] o : due) {
            try {
                change(o[1], o[0], "RESERVED", "EXPIRED", null, x -> release(o[0]));
                n++;
            } catch (Refused paidMeanwhile) {
                // paid between the query and the change: nothing to release
            }
        }
        return n;
    }

    /** In demo mode the supplier ships a paid order by itself {@code demo-ship-after} after payment. */
    public int shipDue(Instant now) {
        if (!demo) {
            return 0;
        }
        List<String> due = jdbc.sql("SELECT order_no FROM central_shop_order WHERE status = 'PAID' AND paid_at < ?").param(utc(now.minus(demoShipAfter)))
                .query(String.class).list();
        int n = 0;
        for (String no : due) {
            try {
                ship(no, "YZ-DEMO", "YZ" + (1_000_000_000L + ThreadLocalRandom.current().nextLong(9_000_000_000L)));
                n++;
            } catch (Refused shippedMeanwhile) {
                // the operator was quicker
            }
        }
        return n;
    }

    /** Completes orders received {@code confirm-after-days} ago (auto-confirmation). */
    public int confirmDue(Instant now) {
        List<String[]> due = jdbc.sql("SELECT order_no, station_id FROM central_shop_order WHERE status = 'RECEIVED' AND received_at < ?")
                .param(utc(now.minus(confirmAfter))).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        int n = 0;
        for (String[] o : due) {
            try {
                change(o[1], o[0], "RECEIVED", "COMPLETED", null, x -> { });
                n++;
            } catch (Refused afterSalesMeanwhile) {
                // the resident asked for after-sales in the meantime: it completes after that
            }
        }
        return n;
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${yizhan.central.shop.jobs-every:PT10S}")
    void jobs() {
        Instant now = clock.instant();
        expire(now);
        shipDue(now);
        confirmDue(now);
        catalog.publishAvailable();
    }

    private void release(String orderNo) {
        for (ShopOrders.Line l : lines(orderNo)) {
            jdbc.sql("UPDATE central_product SET reserved = reserved - ? WHERE product_id = ?").params(l.quantity(), l.productId()).update();
        }
    }

    private ShopOrders.Answer change(String stationId, String orderNo, String from, String to, String @Nullable [] shipping,
                                     java.util.function.Consumer<String> also) {
        return tx.execute(s -> {
            if (jdbc.sql("UPDATE central_shop_order SET status = ?, updated_at = ? WHERE order_no = ? AND station_id = ? AND status = ?")
                    .params(to, utc(clock.instant()), orderNo, stationId, from).update() == 0) {
                String now = answer(stationId, orderNo).map(ShopOrders.Answer::status).orElse(null);
                if (now == null) {
                    throw new Refused("NOT_FOUND", "no such order");
                }
                throw new Refused("WRONG_STATE", "the order is " + now + ", not " + from);
            }
            also.accept(orderNo);
            ShopOrders.Answer a = answer(stationId, orderNo).orElseThrow();
            publish(stationId, orderNo, to, a.reservedUntil(), shipping == null ? null : shipping[0], shipping == null ? null : shipping[1]);
            return a;
        });
    }

    private void publish(String stationId, String orderNo, String status, @Nullable Instant reservedUntil, @Nullable String courier,
                         @Nullable String waybill) {
        feeds.publish(stationId, FeedItem.SHOP_ORDERS, orderNo + ":" + status,
                json.valueToTree(new ShopOrders.Change(orderNo, status, reservedUntil, courier, waybill, clock.instant(), null, null)));
    }

    /** A station's order as it stands. */
    public Optional<ShopOrders.Answer> answer(String stationId, String orderNo) {
        return jdbc.sql("""
                        SELECT status, total_fen, discount_fen, offer_kind, offer_text, reserved_until FROM central_shop_order
                        WHERE order_no = ? AND station_id = ?""")
                .params(orderNo, stationId).query((rs, n) -> {
                    String kind = rs.getString(4);
                    OffsetDateTime until = rs.getObject(6, OffsetDateTime.class);
                    return new ShopOrders.Answer(orderNo, rs.getString(1), null, until == null ? null : until.toInstant(), rs.getLong(2),
                            rs.getLong(3), kind == null ? null : new ShopOffer.Applied("", kind, rs.getString(5), rs.getLong(3)), lines(orderNo));
                }).optional();
    }

    private List<ShopOrders.Line> lines(String orderNo) {
        return jdbc.sql("SELECT product_id, quantity, price_fen FROM central_shop_order_line WHERE order_no = ? ORDER BY product_id").param(orderNo)
                .query((rs, n) -> new ShopOrders.Line(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** The newest orders of every station, for the operator. */
    public List<Order> orders(int limit) {
        return jdbc.sql("""
                        SELECT order_no, station_id, status, total_fen, discount_fen, offer_text, reserved_until, courier, waybill, commission_fen, placed_at
                        FROM central_shop_order ORDER BY placed_at DESC, order_no DESC FETCH FIRST ? ROWS ONLY""")
                .param(limit).query((rs, n) -> {
                    OffsetDateTime until = rs.getObject(7, OffsetDateTime.class);
                    long commission = rs.getLong(10);
                    Long commissionFen = rs.wasNull() ? null : commission;
                    return new Order(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
                            until == null ? null : until.toInstant(), rs.getString(8), rs.getString(9), commissionFen,
                            rs.getObject(11, OffsetDateTime.class).toInstant(), lines(rs.getString(1)));
                }).list().stream().sorted(Comparator.comparing(Order::placedAt).reversed()).toList();
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}

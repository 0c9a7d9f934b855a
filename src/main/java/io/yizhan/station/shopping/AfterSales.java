package io.yizhan.station.shopping;

import io.yizhan.station.payments.Refunds;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After-sales (售后) for orders a resident received: refund only, return and refund, exchange,
 * repair. The 7-day no-reason return counts from receipt and excludes categories such as fresh food;
 * a no-reason request within it for unopened goods under the pre-approval amount is approved at once,
 * anything else waits for central's decision. An approved refund or return is refunded to the
 * original payment at once (well within the 24 hours promised); central rolls its stock back, and
 * ships an exchange anew.
 */
@Service
public class AfterSales {

    public static final String NO_REASON = "NO_REASON";
    static final List<String> TYPES = List.of("REFUND", "RETURN", "EXCHANGE", "REPAIR");

    public record Request(@Nullable String type, @Nullable String reason, @Nullable Boolean unopened, @Nullable List<Shopping.LineRequest> lines) {
    }

    public record Case(UUID id, UUID orderId, String type, String reason, long amountFen, String status, int photos, @Nullable String note,
                       Instant createdAt, @Nullable String returnWaybill) {

        /** An approved return, exchange or repair whose item has not been sent back yet. */
        public boolean awaitsReturnParcel() {
            return (status.equals("APPROVED") || status.equals("DONE")) && !type.equals("REFUND") && returnWaybill == null;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Shopping shopping;
    private final Catalog catalog;
    private final Refunds refunds;
    private final ShoppingProperties rules;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Path photos;

    private final io.yizhan.station.parcels.Sending sending;
    private final StationProperties station;

    AfterSales(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Shopping shopping, Catalog catalog, Refunds refunds, ShoppingProperties rules,
               AuditLog audit, ApplicationEventPublisher events, StationProperties station, io.yizhan.station.parcels.Sending sending) {
        this.sending = sending;
        this.station = station;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.shopping = shopping;
        this.catalog = catalog;
        this.refunds = refunds;
        this.rules = rules;
        this.audit = audit;
        this.events = events;
        this.photos = station.dataDir().resolve("after-sales");
    }

    /** Records a request; {@code APPROVED} at once by the rules (and refunded where money goes back), else {@code PENDING}. */
    public Case request(UUID orderId, Request request) {
        ShopOrder o = shopping.find(orderId);
        String type = request.type() == null ? "" : request.type().strip().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new ShoppingRefused("BAD_AFTER_SALES_TYPE", 400, "shopping.error.after-sales-type");
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > 200) {
            throw new ShoppingRefused("REASON_REQUIRED", 400, "shopping.error.reason");
        }
        if (o.status() != OrderStatus.RECEIVED && o.status() != OrderStatus.COMPLETED || o.receivedAt() == null) {
            throw new ShoppingRefused("NOT_RECEIVED", 409, "shopping.error.not-received");
        }
        Map<String, Long> wanted = new LinkedHashMap<>();
        for (Shopping.LineRequest l : request.lines() == null ? List.<Shopping.LineRequest>of() : request.lines()) {
            ShopOrder.Line line = o.lines().stream().filter(x -> x.productId().equals(l.productId())).findFirst()
                    .orElseThrow(() -> new ShoppingRefused(l.productId(), "NOT_IN_ORDER", 400, "shopping.error.not-in-order"));
            if (l.quantity() <= 0 || wanted.getOrDefault(l.productId(), 0L) + l.quantity() > line.quantity()) {
                throw new ShoppingRefused(l.productId(), "BAD_QUANTITY", 400, "shopping.error.quantity");
            }
            wanted.merge(l.productId(), l.quantity(), Long::sum);
        }
        if (wanted.isEmpty()) {
            throw new ShoppingRefused("NO_LINES", 400, "shopping.error.no-lines");
        }
        Instant now = clock.instant();
        boolean inWindow = !now.isAfter(o.receivedAt().plus(Duration.ofDays(rules.noReasonDays())));
        boolean excluded = wanted.keySet().stream().map(id -> catalog.product(id).map(Catalog.Product::category).orElse(""))
                .anyMatch(rules.noReasonExcluded()::contains);
        boolean noReason = reason.equals(NO_REASON);
        if (noReason && (!inWindow || excluded)) {
            throw new ShoppingRefused("AFTER_SALES_WINDOW_CLOSED", 409, excluded ? "shopping.error.no-reason-excluded" : "shopping.error.window-closed",
                    rules.noReasonDays());
        }
        long amount = refundable(o, wanted);
        boolean unopened = Boolean.TRUE.equals(request.unopened());
        boolean approved = inWindow && unopened && amount < rules.preApproveUnderFen() && !type.equals("REPAIR");
        UUID id = UuidV7.next(clock);
        String status = approved ? "APPROVED" : "PENDING";
        tx.executeWithoutResult(s -> {
            if (jdbc.sql("SELECT COUNT(*) FROM shopping_after_sales WHERE order_id = ? AND status IN ('PENDING', 'APPROVED')").param(orderId)
                    .query(Long.class).single() > 0) {
                throw new ShoppingRefused("AFTER_SALES_OPEN", 409, "shopping.error.after-sales-open");
            }
            jdbc.sql("""
                            INSERT INTO shopping_after_sales (id, order_id, type, reason, unopened, amount_fen, status, previous_status, created_at, decided_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, orderId, type, reason, unopened, amount, status, o.status().name(), utc(now), approved ? utc(now) : null).update();
            wanted.forEach((product, quantity) -> jdbc.sql("INSERT INTO shopping_after_sales_line (after_sales_id, product_id, quantity) VALUES (?, ?, ?)")
                    .params(id, product, quantity).update());
            jdbc.sql("UPDATE shopping_order SET status = 'AFTER_SALES', updated_at = ?, version = version + 1 WHERE id = ?").params(utc(now), orderId).update();
            events.publishEvent(new AfterSalesRequested(UuidV7.next(clock), orderId, o.orderNo(), id, type, reason, amount, status,
                    wanted.entrySet().stream().map(e -> new AfterSalesRequested.Line(e.getKey(), e.getValue())).toList(), now));
            audit.record("shopping.after-sales", o.orderNo() + " " + type + " " + status);
        });
        if (approved) {
            settle(id);
        }
        return find(id);
    }

    /**
     * What goes back for these units: their share of what was paid (the offer spread over the lines by
     * amount), never more than is left unrefunded.
     */
    static long refundable(ShopOrder o, Map<String, Long> wanted) {
        long gross = o.grossFen();
        long back = 0;
        for (ShopOrder.Line l : o.lines()) {
            long q = wanted.getOrDefault(l.productId(), 0L);
            back += gross == 0 ? 0 : Math.floorDiv(l.priceFen() * q * o.totalFen(), gross);
        }
        return Math.min(back, o.totalFen() - o.refundedFen());
    }

    /**
     * Central decided a pending request (on its feed, in the transaction that applies it): approved →
     * settled like a pre-approved one by the background job; rejected → the order is as before.
     */
    public void decided(UUID id, boolean approved, @Nullable String note) {
        Optional<Case> c = findOptional(id);
        if (c.isEmpty() || !c.get().status().equals("PENDING")) {
            return;
        }
        String why = note == null ? null : note.length() > 200 ? note.substring(0, 200) : note;
        tx.executeWithoutResult(s -> {
            if (jdbc.sql("UPDATE shopping_after_sales SET status = ?, decision_note = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'")
                    .params(approved ? "APPROVED" : "REJECTED", why, utc(clock.instant()), id).update() == 1 && !approved) {
                jdbc.sql("""
                                UPDATE shopping_order SET status = (SELECT previous_status FROM shopping_after_sales WHERE id = ?), version = version + 1
                                WHERE id = ? AND status = 'AFTER_SALES'""").params(id, c.get().orderId()).update();
            }
        });
        // the refund is made by the background job, outside the feed's transaction (a code refund asks central)
    }

    /**
     * Carries out an approved request: a refund or a return is refunded to the original payment (the
     * order {@code REFUNDED} when all its money went back); an exchange or a repair waits for its new
     * shipment. Idempotent: the refund's key is the request's.
     */
    public void settle(UUID id) {
        Case c = find(id);
        if (!c.status().equals("APPROVED")) {
            return;
        }
        ShopOrder o = shopping.find(c.orderId());
        if ((c.type().equals("REFUND") || c.type().equals("RETURN")) && c.amountFen() > 0 && o.paymentId() != null) {
            Refunds.Made made;
            try {
                made = refunds.refund(o.paymentId(), c.amountFen(), "售后退款 " + o.orderNo(), "after-sales-" + id, "system");
            } catch (io.yizhan.station.payments.PaymentRefused busy) {
                if (busy.code().equals("REFUND_EXCEEDS_PAYMENT")) {
                    // the background job and the counter settled it at the same moment: the other one is refunding it
                    return;
                }
                throw busy;
            }
            tx.executeWithoutResult(s -> {
                if (jdbc.sql("UPDATE shopping_after_sales SET status = 'DONE', refund_id = ?, done_at = ? WHERE id = ? AND status = 'APPROVED'")
                        .params(made.refund().id(), utc(clock.instant()), id).update() == 1) {
                    jdbc.sql("""
                                    UPDATE shopping_order SET refunded_fen = refunded_fen + ?,
                                        status = CASE WHEN refunded_fen + ? >= total_fen THEN 'REFUNDED'
                                                      ELSE (SELECT previous_status FROM shopping_after_sales WHERE id = ?) END,
                                        version = version + 1 WHERE id = ?""").params(c.amountFen(), c.amountFen(), id, o.id()).update();
                    events.publishEvent(new OrderRefunded(UuidV7.next(clock), o.id(), o.orderNo(), c.amountFen(), c.reason(), clock.instant()));
                }
            });
        }
    }

    /**
     * Sends an approved return's (exchange's, repair's) item back to the platform's returns warehouse
     * through the sending flow, its postage billed to the platform; the waybill label prints at this
     * counter. Once per case.
     */
    public Case sendBack(UUID id, String courier, long grams) {
        Case c = find(id);
        if (!c.awaitsReturnParcel()) {
            throw new ShoppingRefused("NO_RETURN_PARCEL", 409, "shopping.error.no-return-parcel");
        }
        ShoppingProperties.Returns to = rules.returns();
        tx.executeWithoutResult(s -> {
            io.yizhan.station.parcels.Shipment sent = sending.sendBilled(new io.yizhan.station.parcels.SendRequest(courier, station.station().name(),
                    station.station().phone(), to.name(), to.phone(), to.province(), to.address(), grams, null, null, null), "platform-after-sales:" + id);
            if (jdbc.sql("UPDATE shopping_after_sales SET return_shipment_id = ?, return_waybill = ? WHERE id = ? AND return_waybill IS NULL")
                    .params(sent.id(), sent.waybill(), id).update() != 1) {
                throw new ShoppingRefused("NO_RETURN_PARCEL", 409, "shopping.error.no-return-parcel");
            }
            audit.record("shopping.return-parcel", sent.waybill());
        });
        return find(id);
    }

    /** Keeps an evidence photo (a JPEG or PNG from the upload or the counter's camera) with the request. */
    public void addPhoto(UUID id, byte[] image, String contentType) {
        find(id);
        String ext = contentType.equals("image/png") ? "png" : "jpg";
        if (image.length == 0 || image.length > 5_000_000 || !(contentType.equals("image/png") || contentType.equals("image/jpeg"))) {
            throw new ShoppingRefused("BAD_PHOTO", 400, "shopping.error.photo");
        }
        int n = tx.execute(s -> {
            jdbc.sql("UPDATE shopping_after_sales SET photos = photos + 1 WHERE id = ?").param(id).update();
            return jdbc.sql("SELECT photos FROM shopping_after_sales WHERE id = ?").param(id).query(Integer.class).single();
        });
        try {
            Path dir = photos.resolve(id.toString());
            Files.createDirectories(dir);
            Files.write(dir.resolve(n + "." + ext), image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Case find(UUID id) {
        return findOptional(id).orElseThrow(() -> new ShoppingRefused("NOT_FOUND", 404, "shopping.error.not-found"));
    }

    private Optional<Case> findOptional(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    public List<Case> ofOrder(UUID orderId) {
        return jdbc.sql(SELECT + " WHERE order_id = ? ORDER BY created_at").param(orderId).query((rs, n) -> map(rs)).list();
    }

    /** Approved refunds whose money has not gone back yet (a crash, central away for a code refund): the job retries them. */
    public List<UUID> approvedUnsettled() {
        return new ArrayList<>(jdbc.sql("SELECT id FROM shopping_after_sales WHERE status = 'APPROVED' AND type IN ('REFUND', 'RETURN')")
                .query(UUID.class).list());
    }

    private static final String SELECT = "SELECT id, order_id, type, reason, amount_fen, status, photos, decision_note, created_at, return_waybill"
            + " FROM shopping_after_sales";

    private static Case map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Case(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getInt(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10));
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}

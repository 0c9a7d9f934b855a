package io.yizhan.station.sales;

import io.yizhan.contract.Wallet;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.inventory.ScannedGood;
import io.yizhan.station.inventory.Sku;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.StockPart;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.payments.PaymentRequest;
import io.yizhan.station.payments.PaymentStatus;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.payments.Refunds;
import io.yizhan.station.sales.internal.SaleReceipts;
import io.yizhan.station.sales.internal.SaleRepository;
import io.yizhan.station.shared.Digests;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
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
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sales counter's rules. A sale's stock is taken in the transaction that records it (two counters
 * selling the last unit: one sale, one {@code OUT_OF_STOCK}). Cash: sale, stock, payment, receipt and
 * event commit together. A payment code: the sale is recorded {@code PENDING} with its stock held,
 * then the payment is taken under the key {@code sale:<id>}; it ends {@code PAID}, or
 * {@code CANCELLED} with the stock put back — settled here, or by the background job after a lost
 * answer or a crash. Returns put the goods back and refund to the original method.
 */
@Service
public class Sales {

    /** The service sales are booked under in payments and the drawer. */
    public static final String SERVICE = "SALE";
    static final long MAX_QUANTITY = 100_000_000L;

    private final SaleRepository sales;
    private final JdbcClient jdbc;
    private final Goods goods;
    private final Stock stock;
    private final Payments payments;
    private final Refunds refunds;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final SaleReceipts receipts;

    Sales(SaleRepository sales, JdbcClient jdbc, Goods goods, Stock stock, Payments payments, Refunds refunds, TransactionTemplate tx,
          java.time.Clock clock, AuditLog audit, ApplicationEventPublisher events, SaleReceipts receipts) {
        this.sales = sales;
        this.jdbc = jdbc;
        this.goods = goods;
        this.stock = stock;
        this.payments = payments;
        this.refunds = refunds;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.receipts = receipts;
    }

    /** A sale and whether this call made it (false: the same idempotency key came again). */
    public record Sold(Sale sale, boolean created) {
    }

    /**
     * A line priced: the good, pieces or grams, and what it costs; {@code toleranceGrams}: how far the
     * grams may be off (a price-embedded label's weight is its price ÷ the price per kg, rounded).
     */
    public record Priced(Sku sku, long quantity, long amountFen, long toleranceGrams) {
    }

    /**
     * Prices a line as the counter reads it: a variable-measure label carries its weight or price; a
     * good's own barcode or SKU code takes {@code quantity} (a piece good defaults to one; a weighed
     * good needs its grams).
     */
    public Priced price(SaleRequest.Line line) {
        Sku sku;
        Long quantity = line.quantity();
        Long amount = null;
        long tolerance = 0;
        if (line.barcode() != null && !line.barcode().isBlank()) {
            ScannedGood scanned = goods.read(line.barcode());
            sku = scanned.sku();
            if (scanned.variableMeasure()) {
                quantity = scanned.quantity();
                amount = scanned.amountFen();
                tolerance = scanned.toleranceGrams();
            }
        } else {
            String code = line.sku() == null ? "" : line.sku().strip();
            sku = goods.find(code).orElseThrow(() -> new InventoryRefused("UNKNOWN_SKU", 404, "inventory.error.no-sku", code, code));
        }
        if (quantity == null) {
            if (sku.unit() == Unit.KG) {
                throw new InventoryRefused("WEIGHT_REQUIRED", 400, "sales.error.weight-required", sku.sku(), sku.name());
            }
            quantity = 1L;
        }
        if (quantity <= 0 || quantity > MAX_QUANTITY) {
            throw new InventoryRefused("BAD_QUANTITY", 400, "inventory.error.quantity", sku.sku());
        }
        return new Priced(sku, quantity, amount != null ? amount : sku.unit().amountFen(quantity, sku.priceFen()), tolerance);
    }

    /**
     * Sells and takes the payment.
     *
     * @param belowZeroBy   a manager who allowed selling below zero for this sale, or null
     * @param secondCheckBy a manager who confirmed a large code payment on the clerk's screen, or null
     */
    public Sold sell(SaleRequest request, @Nullable String belowZeroBy, @Nullable String secondCheckBy) {
        String key = Payments.idempotencyKey(request.idempotencyKey());
        String method = request.method() == null ? "" : request.method().strip().toUpperCase(Locale.ROOT);
        String authCode = request.authCode() == null ? "" : request.authCode().replaceAll("\\s", "");
        if (request.lines().isEmpty() || request.lines().size() > 200) {
            throw new InventoryRefused("NO_LINES", 400, "sales.error.no-lines");
        }
        String digest = Digests.sha256(request.lines().stream().map(l -> l.barcode() + "/" + l.sku() + "/" + l.quantity())
                .collect(Collectors.joining(",")) + "|" + method + "|" + authCode + "|" + request.tenderedFen());
        Optional<Sale> earlier = sales.findByIdempotencyKey(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), digest);
        }
        List<Priced> priced = request.lines().stream().map(this::price).toList();
        long total = priced.stream().mapToLong(Priced::amountFen).sum();
        if (total <= 0) {
            throw new PaymentRefused("BAD_AMOUNT", 400, "payments.error.amount");
        }
        try {
            return switch (method) {
                case Payments.CASH -> new Sold(cash(priced, total, request.tenderedFen(), key, digest, belowZeroBy), true);
                case Payments.CODE -> new Sold(code(priced, total, authCode, key, digest, belowZeroBy, secondCheckBy), true);
                default -> throw new PaymentRefused("BAD_METHOD", 400, "payments.error.method");
            };
        } catch (DuplicateKeyException raced) {
            return replay(sales.findByIdempotencyKey(key).orElseThrow(() -> raced), digest);
        }
    }

    private Sold replay(Sale earlier, String digest) {
        if (!earlier.requestSha256().equals(digest)) {
            throw new PaymentRefused("IDEMPOTENCY_KEY_REUSED", 409, "payments.error.key-reused");
        }
        return new Sold(earlier, false);
    }

    private Sale cash(List<Priced> priced, long total, @Nullable Long tenderedFen, String key, String digest, @Nullable String belowZeroBy) {
        return tx.execute(s -> {
            Sale sale = record(priced, total, Payments.CASH, SaleStatus.PAID, key, digest, belowZeroBy);
            Payment paid = payments.takeCash(SERVICE, total, purpose(sale.id()), tenderedFen, true);
            jdbc.sql("UPDATE sales_sale SET payment_id = ? WHERE id = ?").params(paid.id(), sale.id()).update();
            Sale done = sales.findById(sale.id()).orElseThrow();
            receipts.print(done, paid);
            events.publishEvent(completed(done, paid.id()));
            return done;
        });
    }

    private Sale code(List<Priced> priced, long total, String authCode, String key, String digest, @Nullable String belowZeroBy,
                      @Nullable String secondCheckBy) {
        if (Wallet.of(authCode).isEmpty()) {
            throw new PaymentRefused("BAD_AUTH_CODE", 400, "payments.error.auth-code");
        }
        // the sale and its stock first: a crash from here on leaves a PENDING sale the background job settles
        Sale sale = tx.execute(s -> record(priced, total, Payments.CODE, SaleStatus.PENDING, key, digest, belowZeroBy));
        Payment payment;
        try {
            payment = payments.takeCode(SERVICE, new PaymentRequest(total, purpose(sale.id()), Payments.CODE, authCode, null, sale.paymentKey()),
                    secondCheckBy, true).payment();
        } catch (PaymentRefused refused) {
            cancel(sale.id());
            throw refused;
        }
        return settle(sale.id(), payment);
    }

    private Sale record(List<Priced> priced, long total, String method, SaleStatus status, String key, String digest, @Nullable String belowZeroBy) {
        UUID id = UuidV7.next(clock);
        Instant now = clock.instant();
        List<SaleLine> lines = priced.stream().map(p -> new SaleLine(p.sku().sku(), p.sku().name(), p.sku().unit(), p.quantity(),
                p.sku().priceFen(), p.amountFen(), 0)).toList();
        Sale sale = sales.save(new Sale(id, null, status, total, method, null, "sale:" + id, key, digest, 0, belowZeroBy, audit.currentActor(),
                CurrentTerminal.name(), now, now, lines));
        // one take per SKU: a SKU on several lines (labels of one good) is taken once, in total
        Map<String, Long> perSku = new LinkedHashMap<>();
        Map<String, Long> tolerance = new LinkedHashMap<>();
        priced.forEach(p -> {
            perSku.merge(p.sku().sku(), p.quantity(), Long::sum);
            tolerance.merge(p.sku().sku(), p.toleranceGrams(), Long::sum);
        });
        perSku.forEach((sku, quantity) -> stock.take(sku, quantity, sale.paymentKey(), belowZeroBy != null, tolerance.get(sku)));
        if (belowZeroBy != null) {
            audit.record("sales.below-zero-allowed", id + " · " + belowZeroBy);
        }
        return sale;
    }

    /**
     * Brings a sale in line with its payment: paid → {@code PAID} (receipt, event); failed or reversed →
     * {@code CANCELLED} with its stock back; still open → {@code PENDING}. Idempotent.
     */
    public Sale settle(UUID saleId, Payment payment) {
        tx.executeWithoutResult(s -> jdbc.sql("UPDATE sales_sale SET payment_id = ? WHERE id = ? AND payment_id IS NULL")
                .params(payment.id(), saleId).update());
        if (payment.status().paid()) {
            tx.executeWithoutResult(s -> {
                if (move(saleId, SaleStatus.PENDING, SaleStatus.PAID)) {
                    Sale done = sales.findById(saleId).orElseThrow();
                    receipts.print(done, payment);
                    events.publishEvent(completed(done, payment.id()));
                }
            });
        } else if (payment.status() == PaymentStatus.FAILED || payment.status() == PaymentStatus.REVOKED) {
            cancel(saleId);
        }
        return sales.findById(saleId).orElseThrow();
    }

    /** A pending sale whose payment failed or never happened: cancelled, its stock put back. */
    public void cancel(UUID saleId) {
        tx.executeWithoutResult(s -> {
            if (move(saleId, SaleStatus.PENDING, SaleStatus.CANCELLED)) {
                stock.reverse("sale:" + saleId);
                audit.record("sales.cancelled", saleId.toString());
            }
        });
    }

    private boolean move(UUID saleId, SaleStatus from, SaleStatus to) {
        return jdbc.sql("UPDATE sales_sale SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = ?")
                .params(to.name(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), saleId, from.name()).update() == 1;
    }

    private SaleCompleted completed(Sale sale, UUID paymentId) {
        return new SaleCompleted(UuidV7.next(clock), sale.id(), sale.totalFen(), sale.method(), paymentId,
                sale.lines().stream().map(l -> new SaleCompleted.Line(l.sku(), l.quantity(), l.amountFen())).toList(), stock.sold(sale.paymentKey()),
                sale.terminal(), clock.instant());
    }

    static String purpose(UUID saleId) {
        return "商品销售 " + number(saleId);
    }

    /** The short number shown on screens and receipts: the last eight characters of the sale's id. */
    public static String number(UUID saleId) {
        String s = saleId.toString();
        return s.substring(s.length() - 8).toUpperCase(Locale.ROOT);
    }

    public Optional<Sale> find(UUID id) {
        return sales.findById(id);
    }

    /** A sale by its id or its receipt's QR code (the id). */
    public Optional<Sale> byReceipt(String qr) {
        String text = qr.strip();
        // every scan at 收银 asks this first: a barcode is told apart by its shape, not by an exception
        return RECEIPT.matcher(text).matches() ? sales.findById(UUID.fromString(text)) : Optional.empty();
    }

    private static final java.util.regex.Pattern RECEIPT = java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public List<Sale> latestAt(String terminal) {
        return sales.latestAt(terminal);
    }

    /** Sales still waiting for their payment (for the background job). */
    public List<Sale> pending() {
        return sales.pending();
    }

    /** A line of a return: which good and how much (pieces or grams). */
    public record ReturnLine(String sku, long quantity) {
    }

    /** A return and whether this call made it. */
    public record Returned(SaleReturn saleReturn, boolean created) {
    }

    /**
     * A customer brings goods of a paid sale back: the lines go back to the stock they came from
     * (RETURN) and what they cost is refunded to the original method. Over what was sold:
     * {@code RETURN_EXCEEDS_SALE}. The same key again returns the same return.
     *
     * @param approvedBy a manager who approved a refund above the manager's limit on the clerk's screen, or null
     */
    public Returned returnGoods(UUID saleId, List<ReturnLine> lines, String reason, String idempotencyKey, @Nullable String approvedBy) {
        String key = Payments.idempotencyKey(idempotencyKey);
        String why = reason == null ? "" : reason.strip();
        String digest = Digests.sha256(saleId + "|" + lines.stream().map(l -> l.sku() + "/" + l.quantity()).collect(Collectors.joining(",")) + "|" + why);
        Optional<Keyed> earlier = returnByKey(key);
        if (earlier.isPresent()) {
            if (!earlier.get().digest().equals(digest)) {
                throw new PaymentRefused("IDEMPOTENCY_KEY_REUSED", 409, "payments.error.key-reused");
            }
            return new Returned(earlier.get().saleReturn(), false);
        }
        Sale sale = sales.findById(saleId).orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "sales.error.not-found"));
        if (sale.status() != SaleStatus.PAID && sale.status() != SaleStatus.PARTIALLY_RETURNED) {
            throw new InventoryRefused("RETURN_NOT_ALLOWED", 409, "sales.error.return-not-allowed");
        }
        if (why.isEmpty() || why.length() > 200) {
            throw new PaymentRefused("REASON_REQUIRED", 400, "payments.error.reason");
        }
        Map<String, Long> wanted = new LinkedHashMap<>();
        for (ReturnLine l : lines) {
            if (l.quantity() <= 0 || l.quantity() > MAX_QUANTITY) {
                throw new InventoryRefused("BAD_QUANTITY", 400, "inventory.error.quantity", l.sku());
            }
            wanted.merge(l.sku(), l.quantity(), Long::sum);
        }
        if (wanted.isEmpty()) {
            throw new InventoryRefused("NO_LINES", 400, "sales.error.no-lines");
        }
        record Part(int lineNo, SaleLine line, long quantity, long amountFen) {
        }
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<String, Long> w : wanted.entrySet()) {
            long left = w.getValue();
            for (int i = 0; i < sale.lines().size() && left > 0; i++) {
                SaleLine line = sale.lines().get(i);
                long open = line.quantity() - line.returnedQuantity();
                if (line.sku().equals(w.getKey()) && open > 0) {
                    long q = Math.min(open, left);
                    parts.add(new Part(i, line, q, line.refundFor(q)));
                    left -= q;
                }
            }
            if (left > 0) {
                throw new InventoryRefused("RETURN_EXCEEDS_SALE", 409, "sales.error.return-exceeds", w.getKey());
            }
        }
        long amount = parts.stream().mapToLong(Part::amountFen).sum();
        if (approvedBy == null && refunds.needsManager(amount)) {
            throw new PaymentRefused("SECOND_CHECK_REQUIRED", 403, "payments.error.refund-manager");
        }
        // a manager returning goods approves it themselves; the refund (now or after a crash) carries the approval
        String approver = approvedBy != null ? approvedBy : payments.callerIsManager() ? audit.currentActor() : null;
        UUID returnId = UuidV7.next(clock);
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        SaleReturn made;
        try {
            made = tx.execute(s -> {
                for (Part p : parts) {
                    // guarded by what was read: a return at another counter meanwhile makes this one ask again
                    int n = jdbc.sql("""
                                    UPDATE sales_line SET returned_quantity = returned_quantity + ?
                                    WHERE sale = ? AND line_no = ? AND returned_quantity = ? AND returned_quantity + ? <= quantity""")
                            .params(p.quantity(), saleId, p.lineNo(), p.line().returnedQuantity(), p.quantity()).update();
                    if (n != 1) {
                        throw new InventoryRefused("RETURN_EXCEEDS_SALE", 409, "sales.error.return-exceeds", p.line().sku());
                    }
                }
                jdbc.sql("""
                                INSERT INTO sales_return (id, sale, amount_fen, reason, idempotency_key, request_sha256, approved_by, clerk, terminal, returned_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(returnId, saleId, amount, why, key, digest, approver, audit.currentActor(), CurrentTerminal.name(), at).update();
                for (Part p : parts) {
                    jdbc.sql("INSERT INTO sales_return_line (return_id, line_no, quantity, amount_fen) VALUES (?, ?, ?, ?)")
                            .params(returnId, p.lineNo(), p.quantity(), p.amountFen()).update();
                }
                List<StockPart> back = new ArrayList<>();
                wanted.forEach((sku, q) -> back.addAll(stock.putBack(sale.paymentKey(), sku, q)));
                long open = jdbc.sql("SELECT COALESCE(SUM(quantity - returned_quantity), 0) FROM sales_line WHERE sale = ?").param(saleId)
                        .query(Long.class).single();
                jdbc.sql("UPDATE sales_sale SET returned_fen = returned_fen + ?, status = ?, version = version + 1, updated_at = ? WHERE id = ?")
                        .params(amount, open == 0 ? SaleStatus.RETURNED.name() : SaleStatus.PARTIALLY_RETURNED.name(), at, saleId).update();
                events.publishEvent(new SaleReturned(UuidV7.next(clock), saleId, returnId, amount,
                        parts.stream().map(p -> new SaleCompleted.Line(p.line().sku(), p.quantity(), p.amountFen())).toList(), back, why, now));
                audit.record("sales.return", number(saleId) + " " + Money.yuan(amount) + " " + why);
                return new SaleReturn(returnId, saleId, null, null, amount, why, audit.currentActor(), now);
            });
        } catch (DuplicateKeyException raced) {
            return new Returned(returnByKey(key).orElseThrow(() -> raced).saleReturn(), false);
        }
        return new Returned(refund(made.id()).orElse(made), true);
    }

    /**
     * Asks payments for a recorded return's refund (to the original method, under the key
     * {@code return:<id>}, so asking again never refunds twice); used right after the return and by the
     * background job after a crash.
     */
    public Optional<SaleReturn> refund(UUID returnId) {
        record Open(UUID saleId, long amountFen, String reason, @Nullable String approvedBy) {
        }
        Optional<Open> open = jdbc.sql("SELECT sale, amount_fen, reason, approved_by FROM sales_return WHERE id = ? AND refund_status IS NULL")
                .param(returnId).query((rs, i) -> new Open(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4))).optional();
        if (open.isEmpty()) {
            return returnById(returnId);
        }
        Sale sale = sales.findById(open.get().saleId()).orElseThrow();
        String status;
        UUID refundId = null;
        try {
            var refund = refunds.refund(java.util.Objects.requireNonNull(sale.paymentId()), open.get().amountFen(), open.get().reason(),
                    "return:" + returnId, open.get().approvedBy()).refund();
            refundId = refund.id();
            status = refund.status();
        } catch (PaymentRefused refused) {
            status = "REFUSED:" + refused.code();
        }
        jdbc.sql("UPDATE sales_return SET refund_id = ?, refund_status = ? WHERE id = ?").params(refundId, status, returnId).update();
        return returnById(returnId);
    }

    /** Returns recorded whose refund was not asked for yet (a crash in between), older than {@code before}. */
    public List<UUID> unrefunded(Instant before) {
        return jdbc.sql("SELECT id FROM sales_return WHERE refund_status IS NULL AND returned_at < ? ORDER BY returned_at FETCH FIRST 50 ROWS ONLY")
                .param(OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).query(UUID.class).list();
    }


    private record Keyed(SaleReturn saleReturn, String digest) {
    }

    private static final String RETURN_COLUMNS = "id, sale, refund_id, refund_status, amount_fen, reason, clerk, returned_at, request_sha256";

    private static SaleReturn saleReturn(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SaleReturn(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant());
    }

    private Optional<Keyed> returnByKey(String key) {
        return jdbc.sql("SELECT " + RETURN_COLUMNS + " FROM sales_return WHERE idempotency_key = ?").param(key)
                .query((rs, i) -> new Keyed(saleReturn(rs), rs.getString(9))).optional();
    }

    private Optional<SaleReturn> returnById(UUID id) {
        return jdbc.sql("SELECT " + RETURN_COLUMNS + " FROM sales_return WHERE id = ?").param(id).query((rs, i) -> saleReturn(rs)).optional();
    }
}

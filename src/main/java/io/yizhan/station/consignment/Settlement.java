package io.yizhan.station.consignment;

import io.yizhan.station.consignment.internal.ConsignmentProperties;
import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.inventory.StockPart;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.payments.Disbursements;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.sales.SaleCompleted;
import io.yizhan.station.sales.SaleReturned;
import io.yizhan.station.shared.Digests;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settlement (结算): every sale of a consignor's goods becomes settlement lines in the sale's own
 * transaction — one per lot, the sale's amount for that SKU split over the stock it was taken from in
 * proportion to quantity (so a pooled SKU pays each farmer for their own eggs), commission per line
 * at the lot's rule for the channel rounded half-up, the share the rest; returns the same, negative.
 * Counter sales are payable at once, online sales after the after-sales window. Payouts go through
 * payments' disbursements with the consignor's row locked, so a balance is never paid twice.
 */
@Service("consignmentSettlement") // payments has a Settlement of its own
public class Settlement {

    public static final String COUNTER = "COUNTER";
    public static final String ONLINE = "ONLINE";
    /** A write-off the station bears: the consignor is paid their share of the goods' value. */
    public static final String WRITE_OFF = "WRITE_OFF";

    /** A payout and whether this call made it (false: the same idempotency key came again). */
    public record Paid(Statement.Payout payout, boolean created) {
    }

    private final JdbcClient jdbc;
    private final Consignors consignors;
    private final Disbursements disbursements;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final StationTime time;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ConsignmentProperties rules;
    private final io.yizhan.station.inventory.Stock stock;
    private final PrintQueue printing;
    private final StationProperties station;

    Settlement(JdbcClient jdbc, Consignors consignors, Disbursements disbursements, TransactionTemplate tx, Clock clock, StationTime time,
               AuditLog audit, ApplicationEventPublisher events, ConsignmentProperties rules, io.yizhan.station.inventory.Stock stock,
               PrintQueue printing, StationProperties station) {
        this.stock = stock;
        this.printing = printing;
        this.station = station;
        this.jdbc = jdbc;
        this.consignors = consignors;
        this.disbursements = disbursements;
        this.tx = tx;
        this.clock = clock;
        this.time = time;
        this.audit = audit;
        this.events = events;
        this.rules = rules;
    }

    /** In the sale's transaction: what of it came from consignors' lots. */
    @EventListener
    void on(SaleCompleted sale) {
        attribute(sale.saleId(), null, COUNTER, sale.lines(), sale.taken(), sale.at());
    }

    /** In the return's transaction: what went back to consignors' lots, against the sale's channel. */
    @EventListener
    void on(SaleReturned returned) {
        String channel = jdbc.sql("SELECT channel FROM consignment_sale_line WHERE source_id = ? FETCH FIRST 1 ROWS ONLY").param(returned.saleId())
                .query(String.class).optional().orElse(COUNTER);
        attribute(returned.saleId(), returned.returnId(), channel, returned.lines(), returned.returned(), returned.at());
    }

    private record LotTerms(UUID id, String lotNo, UUID consignorId, int counterPct, int onlinePct) {
    }

    /**
     * Each sale line is matched, in order, to the stock parts its SKU was taken from (a line of a pooled
     * SKU may span two lots: its amount is split by quantity, largest remainder); the consignors' parts
     * are recorded, one settlement line per sale line and lot. {@code returnId} non-null makes them negative.
     */
    void attribute(UUID saleId, @Nullable UUID returnId, String channel, List<SaleCompleted.Line> lines, List<StockPart> parts, Instant at) {
        if (parts.stream().allMatch(p -> p.owner().equals(io.yizhan.station.inventory.Stock.STATION))) {
            return;
        }
        Map<String, java.util.ArrayDeque<long[]>> left = new LinkedHashMap<>(); // per SKU: [index into parts, quantity not yet matched]
        for (int i = 0; i < parts.size(); i++) {
            left.computeIfAbsent(parts.get(i).sku(), k -> new java.util.ArrayDeque<>()).add(new long[] {i, parts.get(i).quantity()});
        }
        int sign = returnId == null ? 1 : -1;
        UUID source = returnId == null ? saleId : returnId;
        // an online sale waits out its after-sales window; what comes back counts against the balance at once, so it is never overpaid
        Instant payableAt = channel.equals(ONLINE) && returnId == null ? at.plus(Duration.ofDays(rules.onlineSettleDays())) : at;
        for (int lineNo = 0; lineNo < lines.size(); lineNo++) {
            SaleCompleted.Line line = lines.get(lineNo);
            java.util.ArrayDeque<long[]> queue = left.getOrDefault(line.sku(), new java.util.ArrayDeque<>());
            List<StockPart> pieces = new ArrayList<>();
            long need = line.quantity();
            while (need > 0 && !queue.isEmpty()) {
                long[] head = queue.peek();
                long n = Math.min(need, head[1]);
                StockPart part = parts.get((int) head[0]);
                pieces.add(new StockPart(part.sku(), part.owner(), part.batch(), n));
                head[1] -= n;
                need -= n;
                if (head[1] == 0) {
                    queue.poll();
                }
            }
            long[] amounts = Money.split(line.amountFen(), pieces.stream().mapToLong(StockPart::quantity).toArray());
            for (int i = 0; i < pieces.size(); i++) {
                Optional<LotTerms> lot = lot(pieces.get(i));
                if (lot.isPresent()) {
                    LotTerms terms = lot.get();
                    int pct = channel.equals(ONLINE) ? terms.onlinePct() : terms.counterPct();
                    record(source, lineNo, saleId, returnId, terms, channel, sign * pieces.get(i).quantity(), sign * amounts[i], pct, at, payableAt);
                }
            }
        }
    }

    private Optional<LotTerms> lot(StockPart part) {
        if (part.owner().equals(io.yizhan.station.inventory.Stock.STATION) || part.batch().isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, lot_no, consignor_id, commission_counter_pct, commission_online_pct FROM consignment_lot WHERE lot_no = ?")
                .param(part.batch())
                .query((rs, n) -> new LotTerms(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getInt(4), rs.getInt(5)))
                .optional().filter(l -> l.consignorId().toString().equals(part.owner()));
    }

    /** Commission on a (signed) amount at a whole percent, rounded half-up in fen — half away from zero, so a full return cancels its sale. */
    static long commission(long amountFen, int pct) {
        return Long.signum(amountFen) * Unit.roundHalfUp(Math.multiplyExact(Math.abs(amountFen), pct), 100);
    }

    private void record(UUID source, int lineNo, UUID saleId, @Nullable UUID returnId, LotTerms lot, String channel, long quantity, long amountFen,
                        int pct, Instant at, Instant payableAt) {
        long commission = commission(amountFen, pct);
        long share = amountFen - commission;
        jdbc.sql("""
                        INSERT INTO consignment_sale_line (id, source_id, line_no, sale_id, lot_id, consignor_id, channel, quantity, amount_fen,
                            commission_pct, commission_fen, share_fen, at, payable_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UuidV7.next(clock), source, lineNo, saleId, lot.id(), lot.consignorId(), channel, quantity, amountFen, pct, commission, share, utc(at),
                        utc(payableAt))
                .update();
        touch(lot.consignorId(), at);
        events.publishEvent(new LotSold(UuidV7.next(clock), lot.id(), lot.lotNo(), lot.consignorId(), saleId, returnId, channel, quantity, amountFen,
                commission, share, at));
    }

    /**
     * Records a write-off of a lot's goods (already taken out of stock by the caller); when the station
     * bears it, the consignor is credited the goods' value at the lot's price less the counter commission.
     */
    void recordWriteOff(UUID lotId, UUID consignorId, String lotNo, Unit unit, long unitPriceFen, int counterPct, long quantity, String reason,
                        String borneBy, @Nullable String note) {
        Instant now = clock.instant();
        UUID id = UuidV7.next(clock);
        jdbc.sql("""
                        INSERT INTO consignment_write_off (id, lot_id, consignor_id, quantity, reason, borne_by, note, clerk, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, lotId, consignorId, quantity, reason, borneBy, note, audit.currentActor(), utc(now)).update();
        if (borneBy.equals("STATION")) {
            long amount = unit.amountFen(quantity, unitPriceFen);
            record(id, 0, id, null, new LotTerms(lotId, lotNo, consignorId, counterPct, counterPct), WRITE_OFF, quantity, amount, counterPct, now, now);
        } else {
            touch(consignorId, now);
        }
    }

    /** What the station owes the consignor now: payable shares less payouts (negative after a refund that came after a payout). */
    public long balance(UUID consignorId) {
        return balanceAt(consignorId, clock.instant());
    }

    private long balanceAt(UUID consignorId, Instant cutoff) {
        long shares = jdbc.sql("SELECT COALESCE(SUM(share_fen), 0) FROM consignment_sale_line WHERE consignor_id = ? AND payable_at <= ?")
                .params(consignorId, utc(cutoff)).query(Long.class).single();
        long paid = jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM consignment_payout WHERE consignor_id = ? AND paid_at <= ?")
                .params(consignorId, utc(cutoff)).query(Long.class).single();
        return shares - paid;
    }

    /** Shares of sales still in their after-sales window (online), not yet payable. */
    public long pending(UUID consignorId) {
        return jdbc.sql("SELECT COALESCE(SUM(share_fen), 0) FROM consignment_sale_line WHERE consignor_id = ? AND payable_at > ?")
                .params(consignorId, utc(clock.instant())).query(Long.class).single();
    }

    /** Today in the station's zone. */
    public LocalDate today() {
        return time.date(clock.instant());
    }

    /** The consignor's share of what sold today (station's zone), returns deducted. */
    public long soldToday(UUID consignorId) {
        LocalDate today = time.date(clock.instant());
        return jdbc.sql("SELECT COALESCE(SUM(share_fen), 0) FROM consignment_sale_line WHERE consignor_id = ? AND at >= ? AND at < ? AND channel <> ?")
                .params(consignorId, utc(time.startOf(today)), utc(time.startOf(today.plusDays(1))), WRITE_OFF).query(Long.class).single();
    }

    /** What a consignor sees at the kiosk: their share of today's sales, what is left at the station, and what they are owed. */
    public record Summary(Consignor consignor, long soldTodayFen, List<Left> left, long balanceFen, long pendingFen) {
    }

    /** Goods of a lot still at the station (grams or pieces). */
    public record Left(String lotNo, String productName, String grade, Unit unit, long quantity) {
    }

    public Summary summary(Consignor consignor) {
        Map<String, Long> byLot = new LinkedHashMap<>();
        stock.ofOwner(consignor.id().toString()).forEach(l -> byLot.merge(l.batch(), l.quantity(), Long::sum));
        List<Left> left = new ArrayList<>();
        byLot.forEach((lotNo, quantity) -> jdbc.sql("SELECT product_name, grade, unit FROM consignment_lot WHERE lot_no = ? AND consignor_id = ?")
                .params(lotNo, consignor.id())
                .query((rs, n) -> new Left(lotNo, rs.getString(1), rs.getString(2), Unit.valueOf(rs.getString(3)), quantity)).optional()
                .ifPresent(left::add));
        return new Summary(consignor, soldToday(consignor.id()), left, balance(consignor.id()), pending(consignor.id()));
    }

    /**
     * A consignor's statement for {@code from}..{@code to} (inclusive, station's zone).
     *
     * @throws ConsignmentRefused {@code NOT_FOUND}, {@code BAD_PERIOD}
     */
    public Statement statement(UUID consignorId, LocalDate from, LocalDate to) {
        Consignor consignor = consignors.find(consignorId).orElseThrow(() -> new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.not-found"));
        if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw new ConsignmentRefused("BAD_PERIOD", 400, "consignment.error.period");
        }
        Instant start = time.startOf(from);
        Instant end = time.startOf(to.plusDays(1));
        Instant now = clock.instant();
        Instant cutoff = end.isBefore(now) ? end : now;
        List<Statement.Line> lines = jdbc.sql("""
                        SELECT s.sale_id, s.source_id, l.lot_no, l.product_name, l.unit, s.channel, s.quantity, s.amount_fen, s.commission_pct,
                               s.commission_fen, s.share_fen, s.at, s.payable_at
                        FROM consignment_sale_line s JOIN consignment_lot l ON l.id = s.lot_id
                        WHERE s.consignor_id = ? AND s.at >= ? AND s.at < ? ORDER BY s.at, s.source_id, s.line_no, l.lot_no""")
                .params(consignorId, utc(start), utc(end))
                .query((rs, n) -> {
                    UUID sale = rs.getObject(1, UUID.class);
                    UUID source = rs.getObject(2, UUID.class);
                    return new Statement.Line(sale, source.equals(sale) ? null : source, rs.getString(3), rs.getString(4), Unit.valueOf(rs.getString(5)),
                            rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getInt(9), rs.getLong(10), rs.getLong(11), instant(rs, 12), instant(rs, 13));
                }).list();
        List<Statement.Payout> payouts = jdbc.sql("""
                        SELECT id, amount_fen, method, reference, clerk, paid_at FROM consignment_payout
                        WHERE consignor_id = ? AND paid_at >= ? AND paid_at < ? ORDER BY paid_at""")
                .params(consignorId, utc(start), utc(end))
                .query((rs, n) -> new Statement.Payout(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        instant(rs, 6)))
                .list();
        List<Statement.WriteOff> writeOffs = jdbc.sql("""
                        SELECT l.lot_no, l.product_name, l.unit, w.quantity, w.reason, w.borne_by, w.at
                        FROM consignment_write_off w JOIN consignment_lot l ON l.id = w.lot_id
                        WHERE w.consignor_id = ? AND w.at >= ? AND w.at < ? ORDER BY w.at""")
                .params(consignorId, utc(start), utc(end))
                .query((rs, n) -> new Statement.WriteOff(rs.getString(1), rs.getString(2), Unit.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5),
                        rs.getString(6), instant(rs, 7)))
                .list();
        List<Statement.Markdown> markdowns = jdbc.sql("""
                        SELECT l.lot_no, l.product_name, l.unit, m.from_price_fen, m.to_price_fen, m.at
                        FROM consignment_markdown m JOIN consignment_lot l ON l.id = m.lot_id
                        WHERE l.consignor_id = ? AND m.at >= ? AND m.at < ? ORDER BY m.at""")
                .params(consignorId, utc(start), utc(end))
                .query((rs, n) -> new Statement.Markdown(rs.getString(1), rs.getString(2), Unit.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(5),
                        instant(rs, 6)))
                .list();
        long sales = lines.stream().filter(l -> !l.channel().equals(WRITE_OFF)).mapToLong(Statement.Line::amountFen).sum();
        long commission = lines.stream().mapToLong(Statement.Line::commissionFen).sum();
        long share = lines.stream().mapToLong(Statement.Line::shareFen).sum();
        long paid = payouts.stream().mapToLong(Statement.Payout::amountFen).sum();
        long pending = lines.stream().filter(l -> l.payableAt().isAfter(cutoff)).mapToLong(Statement.Line::shareFen).sum();
        long opening = start.isAfter(now) ? balanceAt(consignorId, now) : balanceAt(consignorId, start.minusNanos(1));
        return new Statement(consignor, from, to, lines, payouts, writeOffs, markdowns, sales, commission, share, paid, opening,
                balanceAt(consignorId, cutoff), pending);
    }

    /**
     * Prints a consignor's statement in large type on this counter's receipt printer: every line (what,
     * how much, the price it sold for, the commission, their share), payouts, write-offs, the balance,
     * a signature line, and the consignor number with its check code and barcode for the kiosk.
     */
    public Optional<UUID> printStatement(UUID consignorId, LocalDate from, LocalDate to) {
        Statement s = statement(consignorId, from, to);
        java.util.Locale zh = Translations.SIMPLIFIED;
        PrintDocument.Builder doc = PrintDocument.builder("statement").center().large(station.station().name())
                .huge(Translations.translate("consignment.statement.title", zh)).left()
                .large(s.consignor().name())
                .large(Translations.translate("consignment.receipt.account", zh, String.valueOf(s.consignor().accountNo())))
                .large(Translations.translate("consignment.receipt.check-code", zh, consignors.checkCode(s.consignor().accountNo())))
                .text(Translations.translate("consignment.statement.period", zh, from.toString(), to.toString())).rule();
        for (Statement.Line l : s.lines()) {
            String what = l.channel().equals(WRITE_OFF) ? Translations.translate("consignment.statement.borne", zh) : l.productName();
            doc.text(time.dateTime(l.at()) + " " + (l.returnId() != null ? Translations.translate("consignment.statement.returned", zh) + " " : "")
                    + what + " " + Quantities.text(l.unit(), Math.abs(l.quantity()), zh));
            doc.large(Translations.translate("consignment.statement.line", zh, Money.yuan(l.amountFen()), Money.yuan(l.commissionFen()),
                    Money.yuan(l.shareFen())));
        }
        if (s.lines().isEmpty()) {
            doc.text(Translations.translate("consignment.statement.no-sales", zh));
        }
        doc.rule();
        for (Statement.WriteOff w : s.writeOffs()) {
            doc.text(time.dateTime(w.at()) + " " + Translations.translate("consignment.statement.write-off", zh, w.productName(),
                    Quantities.text(w.unit(), w.quantity(), zh), Translations.translate("inventory.write-off." + w.reason(), zh),
                    Translations.translate("consignment.borne." + w.borneBy(), zh)));
        }
        for (Statement.Markdown m : s.markdowns()) {
            String per = "/" + Translations.translate("inventory.unit.per." + m.unit(), zh);
            doc.text(time.dateTime(m.at()) + " " + Translations.translate("consignment.statement.markdown", zh, m.productName(),
                    Money.yuan(m.fromPriceFen()) + per, Money.yuan(m.toPriceFen()) + per));
        }
        for (Statement.Payout p : s.payouts()) {
            doc.large(time.dateTime(p.at()) + " " + Translations.translate("consignment.statement.payout", zh,
                    Translations.translate("consignment.payout." + p.method(), zh), Money.yuan(p.amountFen())));
        }
        doc.large(Translations.translate("consignment.statement.sales", zh, Money.yuan(s.salesFen())))
                .large(Translations.translate("consignment.statement.commission", zh, Money.yuan(s.commissionFen())))
                .large(Translations.translate("consignment.statement.share", zh, Money.yuan(s.shareFen())))
                .large(Translations.translate("consignment.statement.opening", zh, Money.yuan(s.openingFen())))
                .large(Translations.translate("consignment.statement.payouts", zh, Money.yuan(s.payoutsFen())))
                .huge(Translations.translate("consignment.statement.balance", zh, Money.yuan(s.balanceFen())));
        if (s.pendingFen() != 0) {
            doc.text(Translations.translate("consignment.kiosk.pending", zh, Money.yuan(s.pendingFen())));
        }
        doc.feed(2).large(Translations.translate("consignment.receipt.signature", zh)).feed(1)
                .text(Translations.translate("consignment.receipt.kiosk", zh))
                .center().barcode(consignors.kioskBarcode(s.consignor()), 10).feed(1);
        audit.record("consignment.statement-printed", s.consignor().name() + " " + from + ".." + to);
        return printing.printAt(CurrentTerminal.name(), DeviceKind.RECEIPT_PRINTER, doc.build());
    }

    /**
     * Pays a consignor out of their balance: cash from the calling counter's drawer session (a slip with
     * a signature line prints), or by bank or WeChat with the transfer's reference. The consignor's row
     * is locked while the balance is checked, so two clerks paying the same balance at once end with
     * exactly one payout; the same idempotency key again answers with the payout it made.
     *
     * @throws ConsignmentRefused {@code NOT_FOUND}, {@code BAD_AMOUNT}, {@code PAYOUT_EXCEEDS_BALANCE} (checked first),
     *                            {@code BELOW_MINIMUM_PAYOUT}, {@code BAD_METHOD}
     * @throws PaymentRefused     {@code REFERENCE_REQUIRED}, {@code NO_CASH_SESSION}, {@code IDEMPOTENCY_KEY_REUSED} …
     */
    public Paid payout(UUID consignorId, long amountFen, @Nullable String method, @Nullable String reference, @Nullable String idempotencyKey) {
        String key = Payments.idempotencyKey(idempotencyKey);
        String how = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        String digest = Digests.sha256(consignorId + "|" + amountFen + "|" + how + "|" + ref);
        Optional<Paid> earlier = byKey(key, digest);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Consignor consignor = consignors.find(consignorId).orElseThrow(() -> new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.not-found"));
        if (amountFen <= 0) {
            throw new ConsignmentRefused("BAD_AMOUNT", 400, "consignment.error.amount");
        }
        if (!how.equals("CASH") && !how.equals("BANK") && !how.equals("WECHAT")) {
            throw new ConsignmentRefused("BAD_METHOD", 400, "consignment.error.payout-method");
        }
        try {
            return new Paid(tx.execute(s -> {
                jdbc.sql("SELECT id FROM consignment_consignor WHERE id = ? FOR UPDATE").param(consignorId).query(UUID.class).single();
                long balance = balance(consignorId);
                if (amountFen > balance) {
                    throw new ConsignmentRefused("PAYOUT_EXCEEDS_BALANCE", 409, "consignment.error.exceeds-balance", Money.yuan(balance));
                }
                if (amountFen < rules.minPayoutFen()) {
                    throw new ConsignmentRefused("BELOW_MINIMUM_PAYOUT", 409, "consignment.error.minimum-payout", Money.yuan(rules.minPayoutFen()));
                }
                UUID id = UuidV7.next(clock);
                Instant now = clock.instant();
                Disbursements.Disbursement d = disbursements.disburse(amountFen, "代销结算 " + consignor.name(), how, ref, "consignor-payout:" + id)
                        .disbursement();
                jdbc.sql("""
                                INSERT INTO consignment_payout (id, consignor_id, amount_fen, method, reference, disbursement_id, idempotency_key, request_sha256,
                                    clerk, terminal, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, consignorId, amountFen, how, ref, d.id(), key, digest, audit.currentActor(), d.terminal(), utc(now))
                        .update();
                touch(consignorId, now);
                events.publishEvent(new ConsignorPaid(UuidV7.next(clock), id, consignorId, amountFen, how, ref, d.id(), now));
                audit.record("consignment.payout", consignor.name() + " " + Money.yuan(amountFen) + " " + how);
                return new Statement.Payout(id, amountFen, how, ref, audit.currentActor(), now);
            }), true);
        } catch (DuplicateKeyException raced) {
            return byKey(key, digest).orElseThrow(() -> raced);
        }
    }

    private Optional<Paid> byKey(String key, String digest) {
        return jdbc.sql("SELECT id, amount_fen, method, reference, clerk, paid_at, request_sha256 FROM consignment_payout WHERE idempotency_key = ?")
                .param(key).query((rs, n) -> {
                    if (!digest.equals(rs.getString(7))) {
                        throw new PaymentRefused("IDEMPOTENCY_KEY_REUSED", 409, "payments.error.key-reused");
                    }
                    return new Paid(new Statement.Payout(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            instant(rs, 6)), false);
                }).optional();
    }

    private void touch(UUID consignorId, Instant at) {
        jdbc.sql("UPDATE consignment_consignor SET last_activity_at = ? WHERE id = ? AND last_activity_at < ?").params(utc(at), consignorId, utc(at))
                .update();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}

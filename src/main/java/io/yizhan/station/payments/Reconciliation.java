package io.yizhan.station.payments;

import io.yizhan.contract.GatewayTrade;
import io.yizhan.contract.StatementLine;
import io.yizhan.station.link.CentralCallFailed;
import io.yizhan.station.link.CentralLink;
import io.yizhan.station.payments.internal.RefundSettlement;
import io.yizhan.station.payments.internal.Settlement;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 对账: a station day's code payments against the channel's statement pulled from central. Compared
 * are the station's successful code trades (refunded ones included) and code refunds with the
 * statement's successful trades and refunds; failed and revoked payments are not one-sided items.
 * Differences: {@code LOCAL_ONLY} (本地单边: a success here the channel does not have),
 * {@code CHANNEL_ONLY} (渠道单边: money taken with no payment here — complete it (补单) or refund it),
 * {@code AMOUNT_MISMATCH}, {@code STATUS_MISMATCH}. Each stays on the suspense list (挂账) until it is
 * completed, refunded or resolved by a manager with a note. Runs each morning for yesterday, and on
 * demand for any past day or today up to now.
 */
@Service
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    /** The station's payment-code trades with their payment's amount. */
    private static final String ATTEMPTS = "SELECT a.out_trade_no, a.payment_id, a.status, p.amount_fen"
            + " FROM payments_attempt a JOIN payments_payment p ON p.id = a.payment_id";

    /** One difference, and what was decided about it. */
    public record Item(LocalDate date, String outTradeNo, @Nullable String outRefundNo, String kind, @Nullable Long stationFen,
                       @Nullable Long channelFen, String resolution, @Nullable String note) {
    }

    public record Report(LocalDate date, Instant ranAt, int matched, int localOnly, int channelOnly, int amountMismatch, int statusMismatch,
                         List<Item> items) {
    }

    private record Local(String outTradeNo, java.util.UUID paymentId, String status, long amountFen) {
    }

    private record LocalRefund(String outRefundNo, String status, long amountFen) {
    }

    private final JdbcClient jdbc;
    private final CentralLink central;
    private final Settlement settlement;
    private final RefundSettlement refunds;
    private final StationTime time;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    Reconciliation(JdbcClient jdbc, CentralLink central, Settlement settlement, RefundSettlement refunds, StationTime time, Clock clock,
                   TransactionTemplate tx, AuditLog audit) {
        this.jdbc = jdbc;
        this.central = central;
        this.settlement = settlement;
        this.refunds = refunds;
        this.time = time;
        this.clock = clock;
        this.tx = tx;
        this.audit = audit;
    }

    /** Each morning: yesterday. A day central could not give is tried again the next time. */
    @Scheduled(cron = "${yizhan.payments.reconcile-cron:0 10 6 * * *}", zone = "${yizhan.station.zone:Asia/Shanghai}")
    void eachMorning() {
        try {
            run(time.date(clock.instant()).minusDays(1));
        } catch (PaymentRefused e) {
            log.warn("reconciliation of yesterday could not run: {}", e.code());
        }
    }

    /** The last run of a day, or a run now if there was none. */
    public Report report(LocalDate day) {
        return stored(day).orElseGet(() -> run(day));
    }

    /** Every difference still open, oldest day first. */
    public List<Item> suspense() {
        return jdbc.sql("SELECT * FROM payments_recon_item WHERE resolution = 'OPEN' ORDER BY recon_day, out_trade_no").query(Reconciliation::item)
                .list();
    }

    /** Pulls the day's statement from central and compares it with the station's code payments now. */
    public Report run(LocalDate day) {
        if (day.isAfter(time.date(clock.instant()))) {
            throw new PaymentRefused("BAD_DATE", 400, "payments.error.future-day");
        }
        StatementLine[] statement;
        try {
            statement = central.get(StatementLine.PATH + "?date=" + day, StatementLine[].class, Duration.ofSeconds(60));
        } catch (CentralCallFailed e) {
            throw new PaymentRefused("CENTRAL_UNREACHABLE", 503, "payments.error.statement");
        }
        Instant from = time.startOf(day);
        Instant to = time.startOf(day.plusDays(1));
        // the station's trades and refunds around the day: a trade made before midnight may be paid after it
        Map<String, Local> trades = new HashMap<>();
        jdbc.sql(ATTEMPTS + " WHERE a.created_at >= ? AND a.created_at < ?")
                .params(utc(from.minus(Duration.ofDays(1))), utc(to.plus(Duration.ofDays(1))))
                .query(Reconciliation::local).list().forEach(l -> trades.put(l.outTradeNo(), l));
        Map<String, LocalRefund> localRefunds = new HashMap<>();
        jdbc.sql("SELECT out_refund_no, status, amount_fen FROM payments_refund WHERE method = 'CODE' AND created_at >= ? AND created_at < ?")
                .params(utc(from.minus(Duration.ofDays(1))), utc(to.plus(Duration.ofDays(1))))
                .query(rs -> {
                    localRefunds.put(rs.getString(1), new LocalRefund(rs.getString(1), rs.getString(2), rs.getLong(3)));
                });

        List<Item> found = new ArrayList<>();
        int matched = 0;
        Set<String> onStatement = new HashSet<>();
        Set<String> refundsOnStatement = new HashSet<>();
        for (StatementLine line : statement) {
            if (line.outRefundNo() == null) {
                onStatement.add(line.outTradeNo());
                Local local = trades.containsKey(line.outTradeNo()) ? trades.get(line.outTradeNo()) : lookup(line.outTradeNo());
                if (local == null || !local.status().equals("SUCCEEDED")) {
                    found.add(item(day, line.outTradeNo(), null, "CHANNEL_ONLY", null, line.amountFen()));
                } else if (local.amountFen() != line.amountFen()) {
                    found.add(item(day, line.outTradeNo(), null, "AMOUNT_MISMATCH", local.amountFen(), line.amountFen()));
                } else {
                    matched++;
                }
            } else {
                refundsOnStatement.add(line.outRefundNo());
                LocalRefund local = localRefunds.get(line.outRefundNo());
                if (local == null) {
                    found.add(item(day, line.outTradeNo(), line.outRefundNo(), "CHANNEL_ONLY", null, line.refundFen()));
                } else if (local.amountFen() != line.refundFen()) {
                    found.add(item(day, line.outTradeNo(), line.outRefundNo(), "AMOUNT_MISMATCH", local.amountFen(), line.refundFen()));
                } else if (!local.status().equals("SUCCEEDED")) {
                    found.add(item(day, line.outTradeNo(), line.outRefundNo(), "STATUS_MISMATCH", local.amountFen(), line.refundFen()));
                } else {
                    matched++;
                }
            }
        }
        // successes here the statement does not have: on another day's statement, reversed there, or unknown there
        List<Local> succeededToday = jdbc.sql(ATTEMPTS + " WHERE a.status = 'SUCCEEDED' AND a.updated_at >= ? AND a.updated_at < ?")
                .params(utc(from), utc(to)).query(Reconciliation::local).list();
        for (Local local : succeededToday) {
            if (onStatement.contains(local.outTradeNo())) {
                continue;
            }
            Optional<GatewayTrade> there = ask(local.outTradeNo());
            if (there.isPresent() && there.get().paid() && there.get().paidAt() != null && !time.date(there.get().paidAt()).equals(day)) {
                continue; // on the statement of the day the channel took it
            }
            found.add(item(day, local.outTradeNo(), null, there.isPresent() && !there.get().status().equals("NOTFOUND") && !there.get().paid()
                    ? "STATUS_MISMATCH" : "LOCAL_ONLY", local.amountFen(), null));
        }
        jdbc.sql("""
                        SELECT out_trade_no, out_refund_no, amount_fen FROM payments_refund
                        WHERE method = 'CODE' AND status = 'SUCCEEDED' AND updated_at >= ? AND updated_at < ?""")
                .params(utc(from), utc(to))
                .query(rs -> {
                    if (!refundsOnStatement.contains(rs.getString(2))) {
                        found.add(item(day, rs.getString(1), rs.getString(2), "LOCAL_ONLY", rs.getLong(3), null));
                    }
                });
        int matchedCount = matched;
        tx.executeWithoutResult(s -> store(day, matchedCount, found));
        return stored(day).orElseThrow();
    }

    /** 补单: the channel took the money for a trade of ours that did not end paid — the payment is completed. */
    public void complete(LocalDate day, String outTradeNo, String note) {
        Item it = open(day, outTradeNo, null);
        if (!it.kind().equals("CHANNEL_ONLY") || lookup(outTradeNo) == null) {
            throw new PaymentRefused("NOT_COMPLETABLE", 409, "payments.error.not-completable");
        }
        settlement.complete(outTradeNo);
        decide(day, outTradeNo, null, "COMPLETED", note);
    }

    /** The channel took money for a trade of ours that did not end paid: it goes back to the resident in full. */
    public void refund(LocalDate day, String outTradeNo, String note) {
        Item it = open(day, outTradeNo, null);
        Local local = lookup(outTradeNo);
        if (!it.kind().equals("CHANNEL_ONLY") || local == null || it.channelFen() == null) {
            throw new PaymentRefused("NOT_REFUNDABLE", 409, "payments.error.not-refundable");
        }
        tx.executeWithoutResult(s -> refunds.refundDuplicate(local.paymentId(), outTradeNo, it.channelFen(), "reconciliation"));
        decide(day, outTradeNo, null, "REFUNDED", note);
    }

    /** A manager explains a difference (e.g. refunded by hand at the bank): it leaves the suspense list. */
    public void resolve(LocalDate day, String outTradeNo, @Nullable String outRefundNo, String note) {
        open(day, outTradeNo, outRefundNo);
        decide(day, outTradeNo, outRefundNo, "RESOLVED", note);
    }

    private Item open(LocalDate day, String outTradeNo, @Nullable String outRefundNo) {
        return jdbc.sql("SELECT * FROM payments_recon_item WHERE recon_day = ? AND out_trade_no = ? AND out_refund_no = ? AND resolution = 'OPEN'")
                .params(day, outTradeNo, outRefundNo == null ? "" : outRefundNo).query(Reconciliation::item).optional()
                .orElseThrow(() -> new PaymentRefused("NOT_FOUND", 404, "payments.error.no-item"));
    }

    private void decide(LocalDate day, String outTradeNo, @Nullable String outRefundNo, String resolution, String note) {
        String why = note == null ? "" : note.strip();
        if (why.isEmpty()) {
            throw new PaymentRefused("NOTE_REQUIRED", 400, "payments.error.reason");
        }
        String by = audit.currentActor();
        jdbc.sql("""
                        UPDATE payments_recon_item SET resolution = ?, note = ?, resolved_by = ?, resolved_at = ?
                        WHERE recon_day = ? AND out_trade_no = ? AND out_refund_no = ? AND resolution = 'OPEN'""")
                .params(resolution, why.length() > 200 ? why.substring(0, 200) : why, by, utc(clock.instant()), day, outTradeNo,
                        outRefundNo == null ? "" : outRefundNo)
                .update();
        audit.record("payments.reconcile-" + resolution.toLowerCase(java.util.Locale.ROOT), day + " " + outTradeNo + " " + why);
    }

    private void store(LocalDate day, int matched, List<Item> found) {
        Instant now = clock.instant();
        Set<String> keys = new HashSet<>();
        for (Item it : found) {
            String refundNo = it.outRefundNo() == null ? "" : it.outRefundNo();
            keys.add(it.outTradeNo() + "|" + refundNo);
            if (jdbc.sql("UPDATE payments_recon_item SET kind = ?, station_fen = ?, channel_fen = ? WHERE recon_day = ? AND out_trade_no = ? AND out_refund_no = ?")
                    .params(it.kind(), it.stationFen(), it.channelFen(), day, it.outTradeNo(), refundNo).update() == 0) {
                jdbc.sql("""
                                INSERT INTO payments_recon_item (recon_day, out_trade_no, out_refund_no, kind, station_fen, channel_fen, found_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(day, it.outTradeNo(), refundNo, it.kind(), it.stationFen(), it.channelFen(), utc(now)).update();
            }
        }
        // an open difference that is gone now (settled since, or completed) leaves the suspense list
        for (Item old : items(day)) {
            if (old.resolution().equals("OPEN") && !keys.contains(old.outTradeNo() + "|" + (old.outRefundNo() == null ? "" : old.outRefundNo()))) {
                jdbc.sql("""
                                UPDATE payments_recon_item SET resolution = 'RESOLVED', note = ?, resolved_by = 'system', resolved_at = ?
                                WHERE recon_day = ? AND out_trade_no = ? AND out_refund_no = ?""")
                        .params("再次对账已一致 matched on a later run", utc(now), day, old.outTradeNo(),
                                old.outRefundNo() == null ? "" : old.outRefundNo())
                        .update();
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        found.forEach(it -> counts.merge(it.kind(), 1, Integer::sum));
        jdbc.sql("DELETE FROM payments_recon_run WHERE recon_day = ?").param(day).update();
        jdbc.sql("""
                        INSERT INTO payments_recon_run (recon_day, ran_at, matched, local_only, channel_only, amount_mismatch, status_mismatch)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(day, utc(now), matched, counts.getOrDefault("LOCAL_ONLY", 0), counts.getOrDefault("CHANNEL_ONLY", 0),
                        counts.getOrDefault("AMOUNT_MISMATCH", 0), counts.getOrDefault("STATUS_MISMATCH", 0))
                .update();
    }

    private Optional<Report> stored(LocalDate day) {
        return jdbc.sql("SELECT * FROM payments_recon_run WHERE recon_day = ?").param(day)
                .query((rs, n) -> new Report(day, rs.getObject("ran_at", OffsetDateTime.class).toInstant(), rs.getInt("matched"),
                        rs.getInt("local_only"), rs.getInt("channel_only"), rs.getInt("amount_mismatch"), rs.getInt("status_mismatch"), items(day)))
                .optional();
    }

    private List<Item> items(LocalDate day) {
        return jdbc.sql("SELECT * FROM payments_recon_item WHERE recon_day = ? ORDER BY kind, out_trade_no").param(day).query(Reconciliation::item).list();
    }

    private @Nullable Local lookup(String outTradeNo) {
        return jdbc.sql(ATTEMPTS + " WHERE a.out_trade_no = ?").param(outTradeNo).query(Reconciliation::local).optional().orElse(null);
    }

    private Optional<GatewayTrade> ask(String outTradeNo) {
        try {
            return Optional.of(central.get(GatewayTrade.TRADES + outTradeNo, GatewayTrade.class, Duration.ofSeconds(10)));
        } catch (CentralCallFailed e) {
            return Optional.empty();
        }
    }

    private static Local local(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Local(rs.getString(1), rs.getObject(2, java.util.UUID.class), rs.getString(3), rs.getLong(4));
    }

    private static Item item(LocalDate day, String outTradeNo, @Nullable String outRefundNo, String kind, @Nullable Long stationFen,
                             @Nullable Long channelFen) {
        return new Item(day, outTradeNo, outRefundNo, kind, stationFen, channelFen, "OPEN", null);
    }

    private static Item item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String refundNo = rs.getString("out_refund_no");
        return new Item(rs.getObject("recon_day", LocalDate.class), rs.getString("out_trade_no"), refundNo == null || refundNo.isEmpty() ? null : refundNo,
                rs.getString("kind"), (Long) rs.getObject("station_fen", Long.class), (Long) rs.getObject("channel_fen", Long.class),
                rs.getString("resolution"), rs.getString("note"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

package io.yizhan.central;

import io.yizhan.contract.Billers;
import io.yizhan.station.shared.Digests;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in billers, top-up aggregator and social-security bureau: nothing leaves the machine.
 * Water, electricity and gas accounts are 10 digits, and the last digit decides (documented test
 * values):
 * <ul>
 * <li>{@code 1} no arrears; {@code 2} no such account; {@code 6} the batch-deduction window (cannot pay now);
 * <li>{@code 3} the write-off is {@code PROCESSING} and succeeds {@code yizhan.central.billers.sandbox.processing-for} (20 s) later;
 * <li>{@code 4} the write-off fails (the station must refund);
 * <li>{@code 5} the write-off succeeds but the answer to the station is lost (a query shows it);
 * <li>{@code 0} and any other digit: written off at once.
 * </ul>
 * Every account that owes owes ¥86.50 for last month, holder 张*华; once written off it owes nothing
 * until the next day. Top-up: mobile numbers, the carrier from the number (numbers whose middle four
 * digits are {@code 8888} were ported to 中国移动, so prefixes are a hint only); the last digit decides
 * as for accounts ({@code 3} processing then success, {@code 4} fails, {@code 5} answer lost, any other
 * succeeds at once). Social security: any valid ID number has a record derived from it; nothing
 * about the query is stored or logged.
 */
@Component
class SandboxBillers implements BillerGateway {

    static final long DUE_FEN = 8_650;
    private static final String HOLDER = "张*华";
    private static final Map<String, String> NAMES = Map.of("WATER", "城市供水公司", "ELECTRICITY", "国家电网", "GAS", "城市燃气公司",
            "TOPUP", "话费充值");
    private static final String COLUMNS = "station_order_no, kind, account_masked, amount_fen, status, ref, error_code";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration processingFor;
    private final ZoneId zone;

    SandboxBillers(JdbcClient jdbc, TransactionTemplate tx, Clock clock,
                   @Value("${yizhan.central.billers.sandbox.processing-for:20s}") Duration processingFor,
                   @Value("${yizhan.central.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.processingFor = processingFor;
        this.zone = zone;
    }

    @Override
    public Billers.Due lookup(String kind, String account) {
        if (!NAMES.containsKey(kind) || kind.equals("TOPUP") || account == null || !account.matches("[0-9]{10}")) {
            return new Billers.Due("BAD_ACCOUNT", "", "", "", 0);
        }
        String name = NAMES.get(kind);
        String period = YearMonth.from(clock.instant().atZone(zone)).minusMonths(1).toString();
        String refusal = refusal(account);
        if (refusal != null) {
            return new Billers.Due(refusal, name, refusal.equals("NO_SUCH_ACCOUNT") ? "" : HOLDER, period, 0);
        }
        boolean paid = Boolean.TRUE.equals(tx.execute(s -> {
            advance();
            return jdbc.sql("SELECT COUNT(*) FROM central_write_off WHERE paid_key = ?").param(paidKey(kind, account)).query(Long.class).single() > 0;
        }));
        return paid ? new Billers.Due("NO_ARREARS", name, HOLDER, period, 0) : new Billers.Due("OK", name, HOLDER, period, DUE_FEN);
    }

    private static @Nullable String refusal(String account) {
        return switch (account.charAt(account.length() - 1)) {
            case '1' -> "NO_ARREARS";
            case '2' -> "NO_SUCH_ACCOUNT";
            case '6' -> "BATCH_DEDUCTION_WINDOW";
            default -> null;
        };
    }

    @Override
    public Written writeOff(String station, Billers.WriteOff w) {
        if (w.stationOrderNo() == null || !w.stationOrderNo().matches("[A-Za-z0-9-]{1,40}")) {
            return new Written(new Billers.WriteOffState(String.valueOf(w.stationOrderNo()), w.kind(), Billers.mask(w.account()), w.amountFen(),
                    "FAILED", null, "BAD_ORDER_NO", null), false);
        }
        Optional<Billers.WriteOffState> earlier = tx.execute(s -> {
            advance();
            return find(station, w.stationOrderNo());
        });
        if (earlier != null && earlier.isPresent()) {
            return new Written(earlier.get(), false);
        }
        boolean topUp = "TOPUP".equals(w.kind());
        String account = w.account() == null ? "" : w.account();
        String failure;
        if (!NAMES.containsKey(String.valueOf(w.kind()))) {
            failure = "BAD_ACCOUNT";
        } else if (topUp) {
            failure = !Billers.mobile(account) ? "BAD_PHONE" : !Billers.DENOMINATIONS.contains(w.amountFen()) ? "BAD_DENOMINATION"
                    : account.endsWith("4") ? "WRITE_OFF_FAILED" : null;
        } else if (!account.matches("[0-9]{10}")) {
            failure = "BAD_ACCOUNT";
        } else {
            failure = refusal(account);
            if (failure == null) {
                failure = w.amountFen() != DUE_FEN ? "AMOUNT_MISMATCH" : account.endsWith("4") ? "WRITE_OFF_FAILED" : null;
            }
        }
        Instant now = clock.instant();
        boolean processing = failure == null && account.endsWith("3");
        String status = failure != null ? "FAILED" : processing ? "PROCESSING" : "SUCCESS";
        String paidKey = failure == null && !topUp ? paidKey(w.kind(), account) : null;
        try {
            insert(station, w, account, status, failure, paidKey, now, processing ? now.plus(processingFor) : now);
        } catch (DuplicateKeyException raced) {
            Optional<Billers.WriteOffState> same = find(station, w.stationOrderNo());
            if (same.isPresent()) {
                return new Written(same.get(), false); // the same order number at the same moment
            }
            // the account was written off today by another order: this one fails, and the station refunds
            insert(station, w, account, "FAILED", "ALREADY_PAID", null, now, now);
        }
        Billers.WriteOffState stored = find(station, w.stationOrderNo()).orElseThrow();
        return new Written(stored, stored.status().equals("SUCCESS") && account.endsWith("5"));
    }

    private void insert(String station, Billers.WriteOff w, String account, String status, @Nullable String failure, @Nullable String paidKey,
                        Instant now, Instant doneAt) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO central_write_off (station_id, station_order_no, kind, account_sha256, account_masked, amount_fen, status, ref,
                            error_code, paid_key, created_at, done_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(station, w.stationOrderNo(), w.kind(), Digests.sha256(w.kind() + "|" + account), Billers.mask(account), w.amountFen(), status,
                        failure == null ? ref(now) : null, failure, paidKey, utc(now), utc(doneAt))
                .update());
    }

    @Override
    public Billers.WriteOffState query(String station, String stationOrderNo) {
        return tx.execute(s -> {
            advance();
            return find(station, stationOrderNo).orElseGet(() -> new Billers.WriteOffState(stationOrderNo, "", "", 0, "NOTFOUND", null, null, null));
        });
    }

    @Override
    public Billers.WriteOffState cancel(String station, String stationOrderNo) {
        Optional<Billers.WriteOffState> known = tx.execute(s -> {
            advance();
            return find(station, stationOrderNo);
        });
        if (known != null && known.isPresent()) {
            return known.get();
        }
        try {
            tx.executeWithoutResult(s -> jdbc.sql("""
                            INSERT INTO central_write_off (station_id, station_order_no, kind, account_masked, amount_fen, status, created_at)
                            VALUES (?, ?, '', '', 0, 'CANCELLED', ?)""")
                    .params(station, stationOrderNo, utc(clock.instant())).update());
        } catch (DuplicateKeyException raced) {
            // the write-off itself got here at the same moment: it stands, and is the answer
        }
        return find(station, stationOrderNo).orElseThrow();
    }

    @Override
    public Billers.Carrier carrier(String phone) {
        if (!Billers.mobile(phone)) {
            return new Billers.Carrier("BAD_PHONE", "");
        }
        if (phone.substring(3, 7).equals("8888")) {
            return new Billers.Carrier("OK", "中国移动");
        }
        int prefix = Integer.parseInt(phone.substring(0, 3));
        String carrier = switch (prefix) {
            case 130, 131, 132, 145, 155, 156, 166, 175, 176, 185, 186, 196 -> "中国联通";
            case 133, 149, 153, 173, 177, 180, 181, 189, 190, 191, 193, 199 -> "中国电信";
            case 192 -> "中国广电";
            default -> "中国移动";
        };
        return new Billers.Carrier("OK", carrier);
    }

    @Override
    public Billers.PensionRecord pension(String name, String idNumber) {
        if (name == null || name.isBlank() || name.length() > 30 || !Billers.idNumber(idNumber)) {
            return new Billers.PensionRecord("BAD_ID_NUMBER", 0, "", 0);
        }
        // a record derived from the number: the same person always gets the same answer, and nothing is kept
        long seed = Long.parseLong(idNumber.substring(6, 17));
        int months = 24 + (int) (seed % 337);
        YearMonth last = YearMonth.from(clock.instant().atZone(zone)).minusMonths(1);
        long balance = months * (18_000L + seed % 9_000L);
        return new Billers.PensionRecord("OK", months, last.toString(), balance);
    }

    @Override
    public List<Billers.WriteOffState> writeOffs(String station, LocalDate day) {
        return tx.execute(s -> {
            advance();
            return jdbc.sql("SELECT " + COLUMNS + " FROM central_write_off WHERE station_id = ? AND status <> 'CANCELLED'"
                            + " AND created_at >= ? AND created_at < ? ORDER BY created_at, station_order_no")
                    .params(station, utc(day.atStartOfDay(zone).toInstant()), utc(day.plusDays(1).atStartOfDay(zone).toInstant()))
                    .query(SandboxBillers::state).list();
        });
    }

    /** Applies what time has done: processing write-offs finish. */
    private void advance() {
        jdbc.sql("UPDATE central_write_off SET status = 'SUCCESS' WHERE status = 'PROCESSING' AND done_at <= ?").param(utc(clock.instant())).update();
    }

    private Optional<Billers.WriteOffState> find(String station, String stationOrderNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM central_write_off WHERE station_id = ? AND station_order_no = ?")
                .params(station, stationOrderNo).query(SandboxBillers::state).optional();
    }

    private static Billers.WriteOffState state(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("kind");
        return new Billers.WriteOffState(rs.getString("station_order_no"), kind, rs.getString("account_masked"), rs.getLong("amount_fen"),
                rs.getString("status"), rs.getString("ref"), rs.getString("error_code"), NAMES.get(kind));
    }

    /** The key that stands while an account's write-off of the day stands: one write-off per account and day. */
    private String paidKey(String kind, String account) {
        return Digests.sha256(kind + "|" + account + "|" + LocalDate.ofInstant(clock.instant(), zone));
    }

    private static String ref(Instant now) {
        return "WO" + DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(now)
                + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

package io.yizhan.central;

import io.yizhan.contract.GatewayPay;
import io.yizhan.contract.GatewayRefund;
import io.yizhan.contract.GatewayRefundRequest;
import io.yizhan.contract.GatewayTrade;
import io.yizhan.contract.StatementLine;
import io.yizhan.contract.Wallet;
import io.yizhan.station.shared.Digests;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in payment channel: nothing leaves the machine, and it behaves like WeChat Pay's and
 * Alipay's payment-code APIs, decided by the auth code's last two digits:
 * <ul>
 * <li>{@code 00} succeeds at once;
 * <li>{@code 01} USERPAYING, then succeeds {@code yizhan.central.gateway.sandbox.confirm-after} (10 s) later;
 * <li>{@code 02} USERPAYING and never confirmed: closed after {@code close-after} (60 s);
 * <li>{@code 03} fails: insufficient balance (NOTENOUGH);
 * <li>{@code 04} answers SYSTEMERROR although the payment succeeded (a query shows it);
 * <li>{@code 05} succeeds, but the answer is held {@code hold-answer} (30 s), longer than a station waits;
 * <li>{@code 06} fails: code expired or already used (AUTHCODEEXPIRE);
 * <li>anything else succeeds at once.
 * </ul>
 * An auth code pays once. Refunds are accepted (PROCESSING) and done {@code refund-after} (5 s)
 * later. Time-driven changes are applied whenever the trades are read, so every answer is current.
 */
@Component
class SandboxPaymentGateway implements PaymentGateway {

    private static final String COLUMNS = "out_trade_no, channel, amount_fen, status, refunded_fen, channel_trade_no, error_code, paid_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration confirmAfter;
    private final Duration closeAfter;
    private final Duration holdAnswer;
    private final Duration refundAfter;
    private final long feeBasisPoints;
    private final ZoneId zone;

    SandboxPaymentGateway(JdbcClient jdbc, TransactionTemplate tx, Clock clock,
                          @Value("${yizhan.central.gateway.sandbox.confirm-after:10s}") Duration confirmAfter,
                          @Value("${yizhan.central.gateway.sandbox.close-after:60s}") Duration closeAfter,
                          @Value("${yizhan.central.gateway.sandbox.hold-answer:30s}") Duration holdAnswer,
                          @Value("${yizhan.central.gateway.sandbox.refund-after:5s}") Duration refundAfter,
                          @Value("${yizhan.central.gateway.fee-basis-points:38}") long feeBasisPoints,
                          @Value("${yizhan.central.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.confirmAfter = confirmAfter;
        this.closeAfter = closeAfter;
        this.holdAnswer = holdAnswer;
        this.refundAfter = refundAfter;
        this.feeBasisPoints = feeBasisPoints;
        this.zone = zone;
    }

    @Override
    public GatewayTrade pay(String station, GatewayPay r) {
        if (!r.outTradeNo().matches("[A-Za-z0-9_-]{1,32}") || r.amountFen() <= 0 || r.amountFen() > 100_000_000L) {
            return failed(r, null, "PARAM_ERROR", "参数错误 bad trade number or amount");
        }
        String ending = r.authCode().length() >= 2 ? r.authCode().substring(r.authCode().length() - 2) : "";
        GatewayTrade answer = tx.execute(s -> {
            advance();
            Optional<GatewayTrade> existing = find(station, r.outTradeNo());
            if (existing.isPresent()) {
                GatewayTrade t = existing.get();
                return t.amountFen() == r.amountFen() || t.channel() == null ? t
                        : failed(r, t.channel(), "OUT_TRADE_NO_USED", "商户订单号重复 trade number already used");
            }
            Optional<Wallet> wallet = Wallet.of(r.authCode());
            if (wallet.isEmpty()) {
                return failed(r, null, "AUTH_CODE_INVALID", "付款码无效 not a payment code");
            }
            Instant now = clock.instant();
            // a code pays once; two pays racing with one code: the primary key fails the second
            String code = Digests.sha256(r.authCode());
            boolean fresh = jdbc.sql("SELECT COUNT(*) FROM central_gateway_code WHERE code_sha256 = ?").param(code).query(Long.class).single() == 0;
            if (fresh) {
                jdbc.sql("INSERT INTO central_gateway_code (code_sha256, used_at) VALUES (?, ?)").params(code, utc(now)).update();
            }
            String status;
            String error = null;
            Instant paidAt = null;
            Instant confirmAt = null;
            Instant closeAt = null;
            if (!fresh || ending.equals("06")) {
                status = "FAILED";
                error = "AUTHCODEEXPIRE";
            } else if (ending.equals("03")) {
                status = "FAILED";
                error = "NOTENOUGH";
            } else if (ending.equals("01") || ending.equals("02")) {
                status = "USERPAYING";
                confirmAt = ending.equals("01") ? now.plus(confirmAfter) : null;
                closeAt = now.plus(closeAfter);
            } else {
                status = "SUCCESS";
                paidAt = now;
            }
            jdbc.sql("""
                            INSERT INTO central_gateway_trade (station_id, out_trade_no, channel, channel_trade_no, amount_fen, status, fee_fen,
                                error_code, description, created_at, paid_at, confirm_at, close_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(station, r.outTradeNo(), wallet.get().name(), channelTradeNo(wallet.get(), now), r.amountFen(), status,
                            fee(r.amountFen()), error, clip(r.description(), 128), utc(now), utc(paidAt), utc(confirmAt), utc(closeAt))
                    .update();
            GatewayTrade stored = find(station, r.outTradeNo()).orElseThrow();
            return ending.equals("04") && status.equals("SUCCESS")
                    ? new GatewayTrade(r.outTradeNo(), stored.channel(), r.amountFen(), "UNKNOWN", 0, null, "SYSTEMERROR",
                    "系统超时 system error, query the trade", null)
                    : stored;
        });
        if (ending.equals("05") && answer != null && answer.status().equals("SUCCESS")) {
            try {
                Thread.sleep(holdAnswer.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer;
    }

    @Override
    public GatewayTrade query(String station, String outTradeNo) {
        return tx.execute(s -> {
            advance();
            return find(station, outTradeNo).orElseGet(() -> new GatewayTrade(outTradeNo, null, 0, "NOTFOUND", 0, null, "ORDERNOTEXIST",
                    "订单不存在 no such trade", null));
        });
    }

    @Override
    public GatewayTrade reverse(String station, String outTradeNo) {
        return tx.execute(s -> {
            advance();
            Optional<GatewayTrade> existing = find(station, outTradeNo);
            if (existing.isEmpty()) {
                // a pay that is still on its way can never succeed after this (a racing pay fails on the key)
                jdbc.sql("INSERT INTO central_gateway_trade (station_id, out_trade_no, amount_fen, status, created_at) VALUES (?, ?, 0, 'REVOKED', ?)")
                        .params(station, outTradeNo, utc(clock.instant())).update();
            } else {
                jdbc.sql("""
                                UPDATE central_gateway_trade SET status = 'REVOKED'
                                WHERE station_id = ? AND out_trade_no = ? AND status IN ('USERPAYING', 'SUCCESS') AND refunded_fen = 0""")
                        .params(station, outTradeNo).update();
            }
            return find(station, outTradeNo).orElseThrow();
        });
    }

    @Override
    public GatewayRefund refund(String station, GatewayRefundRequest r) {
        return tx.execute(s -> {
            advance();
            Optional<GatewayRefund> earlier = findRefund(station, r.outRefundNo());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (!r.outRefundNo().matches("[A-Za-z0-9_-]{1,32}") || r.amountFen() <= 0) {
                return new GatewayRefund(r.outTradeNo(), r.outRefundNo(), r.amountFen(), "FAILED", "PARAM_ERROR", "参数错误 bad refund");
            }
            // reserves the amount in one guarded update: two refunds at once never exceed the trade
            int reserved = jdbc.sql("""
                            UPDATE central_gateway_trade SET refunded_fen = refunded_fen + ?,
                                status = CASE WHEN refunded_fen + ? = amount_fen THEN 'REFUNDED' ELSE 'PARTIALLY_REFUNDED' END
                            WHERE station_id = ? AND out_trade_no = ? AND status IN ('SUCCESS', 'PARTIALLY_REFUNDED')
                                AND refunded_fen + ? <= amount_fen""")
                    .params(r.amountFen(), r.amountFen(), station, r.outTradeNo(), r.amountFen()).update();
            if (reserved == 0) {
                Optional<GatewayTrade> trade = find(station, r.outTradeNo());
                String code = trade.isEmpty() ? "TRADE_NOT_EXIST" : trade.get().paid() ? "REFUND_FEE_INVALID" : "TRADE_STATE_ERROR";
                return new GatewayRefund(r.outTradeNo(), r.outRefundNo(), r.amountFen(), "FAILED", code, "不能退款 cannot refund: " + code);
            }
            Instant now = clock.instant();
            jdbc.sql("""
                            INSERT INTO central_gateway_refund (station_id, out_refund_no, out_trade_no, amount_fen, status, reason, created_at, done_at)
                            VALUES (?, ?, ?, ?, 'PROCESSING', ?, ?, ?)""")
                    .params(station, r.outRefundNo(), r.outTradeNo(), r.amountFen(), clip(r.reason(), 128), utc(now), utc(now.plus(refundAfter)))
                    .update();
            return findRefund(station, r.outRefundNo()).orElseThrow();
        });
    }

    @Override
    public GatewayRefund queryRefund(String station, String outRefundNo) {
        return tx.execute(s -> {
            advance();
            return findRefund(station, outRefundNo).orElseGet(() -> new GatewayRefund("", outRefundNo, 0, "NOTFOUND", "REFUNDNOTEXIST",
                    "退款不存在 no such refund"));
        });
    }

    @Override
    public List<StatementLine> statement(String station, LocalDate day) {
        return tx.execute(s -> {
            advance();
            OffsetDateTime from = utc(day.atStartOfDay(zone).toInstant());
            OffsetDateTime to = utc(day.plusDays(1).atStartOfDay(zone).toInstant());
            List<StatementLine> lines = new ArrayList<>(jdbc.sql("""
                            SELECT paid_at, channel, channel_trade_no, out_trade_no, amount_fen, fee_fen FROM central_gateway_trade
                            WHERE station_id = ? AND status IN ('SUCCESS', 'REFUNDED', 'PARTIALLY_REFUNDED') AND paid_at >= ? AND paid_at < ?""")
                    .params(station, from, to)
                    .query((rs, n) -> new StatementLine(instant(rs, "paid_at"), rs.getString("channel"), rs.getString("channel_trade_no"),
                            rs.getString("out_trade_no"), "SUCCESS", rs.getLong("amount_fen"), null, 0, rs.getLong("fee_fen")))
                    .list());
            lines.addAll(jdbc.sql("""
                            SELECT r.done_at, t.channel, t.channel_trade_no, r.out_trade_no, t.amount_fen, r.out_refund_no, r.amount_fen AS refund_fen
                            FROM central_gateway_refund r JOIN central_gateway_trade t ON t.station_id = r.station_id AND t.out_trade_no = r.out_trade_no
                            WHERE r.station_id = ? AND r.status = 'SUCCESS' AND r.done_at >= ? AND r.done_at < ?""")
                    .params(station, from, to)
                    .query((rs, n) -> new StatementLine(instant(rs, "done_at"), rs.getString("channel"), rs.getString("channel_trade_no"),
                            rs.getString("out_trade_no"), "REFUND", rs.getLong("amount_fen"), rs.getString("out_refund_no"),
                            rs.getLong("refund_fen"), 0))
                    .list());
            lines.sort(Comparator.comparing(StatementLine::tradeTime).thenComparing(StatementLine::outTradeNo));
            return lines;
        });
    }

    @Override
    public List<GatewayTrade> transactions(String station, LocalDate day) {
        return tx.execute(s -> {
            advance();
            return jdbc.sql("SELECT " + COLUMNS + " FROM central_gateway_trade WHERE station_id = ? AND channel IS NOT NULL"
                            + " AND created_at >= ? AND created_at < ? ORDER BY created_at, out_trade_no")
                    .params(station, utc(day.atStartOfDay(zone).toInstant()), utc(day.plusDays(1).atStartOfDay(zone).toInstant()))
                    .query(SandboxPaymentGateway::trade).list();
        });
    }

    /** Applies what time has done: passwords typed, unconfirmed trades closed, refunds finished. */
    private void advance() {
        OffsetDateTime now = utc(clock.instant());
        jdbc.sql("UPDATE central_gateway_trade SET status = 'SUCCESS', paid_at = confirm_at WHERE status = 'USERPAYING' AND confirm_at <= ?")
                .param(now).update();
        jdbc.sql("UPDATE central_gateway_trade SET status = 'CLOSED' WHERE status = 'USERPAYING' AND close_at <= ?").param(now).update();
        jdbc.sql("UPDATE central_gateway_refund SET status = 'SUCCESS' WHERE status = 'PROCESSING' AND done_at <= ?").param(now).update();
    }

    private Optional<GatewayTrade> find(String station, String outTradeNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM central_gateway_trade WHERE station_id = ? AND out_trade_no = ?")
                .params(station, outTradeNo).query(SandboxPaymentGateway::trade).optional();
    }

    private Optional<GatewayRefund> findRefund(String station, String outRefundNo) {
        return jdbc.sql("SELECT out_trade_no, out_refund_no, amount_fen, status FROM central_gateway_refund WHERE station_id = ? AND out_refund_no = ?")
                .params(station, outRefundNo)
                .query((rs, n) -> new GatewayRefund(rs.getString("out_trade_no"), rs.getString("out_refund_no"), rs.getLong("amount_fen"),
                        rs.getString("status"), null, null))
                .optional();
    }

    private static GatewayTrade trade(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        String error = rs.getString("error_code");
        return new GatewayTrade(rs.getString("out_trade_no"), rs.getString("channel"), rs.getLong("amount_fen"), status,
                rs.getLong("refunded_fen"), rs.getString("channel_trade_no"), error, error == null ? null : message(error),
                rs.getObject("paid_at") == null ? null : instant(rs, "paid_at"));
    }

    private static String message(String errorCode) {
        return switch (errorCode) {
            case "NOTENOUGH" -> "余额不足 insufficient balance";
            case "AUTHCODEEXPIRE" -> "付款码已过期或已使用 code expired or already used";
            default -> errorCode;
        };
    }

    private static GatewayTrade failed(GatewayPay r, @Nullable String channel, String code, String message) {
        return new GatewayTrade(r.outTradeNo(), channel, r.amountFen(), "FAILED", 0, null, code, message, null);
    }

    private long fee(long amountFen) {
        return (amountFen * feeBasisPoints + 5_000) / 10_000;
    }

    private static String channelTradeNo(Wallet wallet, Instant now) {
        String digits = String.format("%016d", ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L));
        return switch (wallet) {
            case WECHAT -> "42000" + DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(now) + digits.substring(1);
            case ALIPAY -> DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(now) + "2200" + digits;
        };
    }

    private static @Nullable String clip(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}

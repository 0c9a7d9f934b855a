package io.yizhan.station.payments.internal;

import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.PaymentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The payments tables in plain SQL: every change of state is a guarded update ({@code WHERE status
 * = …}), so when the counter, the background job and a cancel race over one payment, the database
 * lets exactly one of them move it.
 */
@Component
public class PaymentStore {

    /** One try at the channel, with its own trade number. */
    public record Attempt(String outTradeNo, UUID paymentId, String channel, String status, boolean reverseWanted, Instant createdAt,
                          Instant nextCheckAt) {
    }

    private static final String PAYMENT_COLUMNS = """
            id, amount_fen, method, channel, status, purpose, clerk, terminal, paid_at, tendered_fen, change_fen, refunded_fen, fee_fen,
            reason, idempotency_key, request_sha256""";

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Payment p, @Nullable String idempotencyKey, @Nullable String requestSha256) {
        jdbc.sql("""
                        INSERT INTO payments_payment (id, amount_fen, method, channel, status, purpose, clerk, terminal, paid_at, tendered_fen,
                            change_fen, refunded_fen, fee_fen, reason, idempotency_key, request_sha256, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.amountFen(), p.method(), p.channel(), p.status().name(), p.purpose(), p.clerk(), p.terminal(), utc(p.paidAt()),
                        p.tenderedFen(), p.changeFen(), p.refundedFen(), p.feeFen(), p.reason(), idempotencyKey, requestSha256, utc(p.paidAt()))
                .update();
    }

    /** Records which drawer session a cash payment went into, and what it paid for. */
    public void inSession(UUID paymentId, UUID sessionId, String service) {
        jdbc.sql("UPDATE payments_payment SET cash_session_id = ?, service = ? WHERE id = ?").params(sessionId, service, paymentId).update();
    }

    public Optional<Payment> find(UUID id) {
        return jdbc.sql("SELECT " + PAYMENT_COLUMNS + " FROM payments_payment WHERE id = ?").param(id).query(PaymentStore::payment).optional();
    }

    /** The payment made under this idempotency key, with the SHA-256 of the request that made it. */
    public Optional<Keyed> byKey(String idempotencyKey) {
        return jdbc.sql("SELECT " + PAYMENT_COLUMNS + " FROM payments_payment WHERE idempotency_key = ?").param(idempotencyKey)
                .query((rs, n) -> new Keyed(payment(rs, n), rs.getString("request_sha256"))).optional();
    }

    public record Keyed(Payment payment, @Nullable String requestSha256) {
    }

    public Optional<String> keyOf(UUID paymentId) {
        return jdbc.sql("SELECT idempotency_key FROM payments_payment WHERE id = ? AND idempotency_key IS NOT NULL").param(paymentId).query(String.class).optional();
    }

    /** The caller prints its own receipt (a sale's, with its lines): none is printed for the payment. */
    public void ownReceipt(UUID paymentId) {
        jdbc.sql("UPDATE payments_payment SET own_receipt = TRUE WHERE id = ?").param(paymentId).update();
    }

    public void service(UUID paymentId, String service, boolean ownReceipt) {
        jdbc.sql("UPDATE payments_payment SET service = ?, own_receipt = ? WHERE id = ?").params(service, ownReceipt, paymentId).update();
    }

    public boolean printsOwnReceipt(UUID paymentId) {
        return jdbc.sql("SELECT own_receipt FROM payments_payment WHERE id = ?").param(paymentId).query(Boolean.class).optional().orElse(false);
    }

    public void insertAttempt(String outTradeNo, UUID paymentId, String channel, Instant now, Instant nextCheckAt) {
        jdbc.sql("""
                        INSERT INTO payments_attempt (out_trade_no, payment_id, channel, status, created_at, next_check_at, updated_at)
                        VALUES (?, ?, ?, 'PENDING', ?, ?, ?)""")
                .params(outTradeNo, paymentId, channel, utc(now), utc(nextCheckAt), utc(now)).update();
    }

    public Optional<Attempt> attempt(String outTradeNo) {
        return jdbc.sql("SELECT * FROM payments_attempt WHERE out_trade_no = ?").param(outTradeNo).query(PaymentStore::attempt).optional();
    }

    public List<Attempt> attemptsOf(UUID paymentId) {
        return jdbc.sql("SELECT * FROM payments_attempt WHERE payment_id = ? ORDER BY created_at").param(paymentId)
                .query(PaymentStore::attempt).list();
    }

    /** Pending attempts whose next check is due, oldest check first. */
    public List<Attempt> due(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM payments_attempt WHERE status = 'PENDING' AND next_check_at <= ? ORDER BY next_check_at LIMIT ?")
                .params(utc(now), limit).query(PaymentStore::attempt).list();
    }

    public void checkAgainAt(String outTradeNo, Instant at, Instant now) {
        jdbc.sql("UPDATE payments_attempt SET next_check_at = ?, updated_at = ? WHERE out_trade_no = ? AND status = 'PENDING'")
                .params(utc(at), utc(now), outTradeNo).update();
    }

    /** Asks for the payment's pending attempts to be reversed at once; true if one was pending. */
    public boolean wantReverse(UUID paymentId, Instant now) {
        return jdbc.sql("""
                        UPDATE payments_attempt SET reverse_wanted = TRUE, next_check_at = ?, updated_at = ?
                        WHERE payment_id = ? AND status = 'PENDING'""")
                .params(utc(now), utc(now), paymentId).update() > 0;
    }

    /** Moves a pending attempt to {@code status}; false if it was no longer pending (someone else settled it). */
    public boolean settleAttempt(String outTradeNo, String status, @Nullable String channelTradeNo, @Nullable String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE payments_attempt SET status = ?, channel_trade_no = COALESCE(?, channel_trade_no), reason = ?, updated_at = ?
                        WHERE out_trade_no = ? AND status = 'PENDING'""")
                .params(status, channelTradeNo, clip(reason), utc(now), outTradeNo).update() == 1;
    }

    /** Moves a pending payment to {@code status}; false if it was no longer pending. */
    public boolean settlePayment(UUID id, PaymentStatus status, long feeFen, @Nullable String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE payments_payment SET status = ?, fee_fen = ?, reason = ?, updated_at = ?,
                            paid_at = CASE WHEN ? THEN ? ELSE paid_at END
                        WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), feeFen, clip(reason), utc(now), status.paid(), utc(now), id).update() == 1;
    }

    /** The trade number of the attempt that paid the payment (the first, if a duplicate also succeeded). */
    public Optional<String> succeededAttempt(UUID paymentId) {
        return jdbc.sql("SELECT out_trade_no FROM payments_attempt WHERE payment_id = ? AND status = 'SUCCEEDED' ORDER BY created_at LIMIT 1")
                .param(paymentId).query(String.class).optional();
    }

    /**
     * A code payment that failed (or was reversed) is tried again with another code: back to PENDING
     * under the wallet of the new code; false if it was not a failed code payment.
     */
    public boolean reopenForRetry(UUID id, String channel, Instant now) {
        return jdbc.sql("""
                        UPDATE payments_payment SET status = 'PENDING', channel = ?, reason = NULL, updated_at = ?
                        WHERE id = ? AND method = 'CODE' AND status IN ('FAILED', 'REVOKED')""")
                .params(channel, utc(now), id).update() == 1;
    }

    /** An attempt that did not end paid turns out paid (reconciliation): false if it already was. */
    public boolean reopenAttempt(String outTradeNo, Instant now) {
        return jdbc.sql("UPDATE payments_attempt SET status = 'SUCCEEDED', updated_at = ? WHERE out_trade_no = ? AND status <> 'SUCCEEDED'")
                .params(utc(now), outTradeNo).update() == 1;
    }

    /** A payment that did not end paid becomes paid; false if it already was (paid by another attempt). */
    public boolean completePayment(UUID id, long feeFen, Instant now) {
        return jdbc.sql("""
                        UPDATE payments_payment SET status = 'SUCCEEDED', fee_fen = ?, reason = NULL, paid_at = ?, updated_at = ?
                        WHERE id = ? AND status IN ('PENDING', 'FAILED', 'REVOKED')""")
                .params(feeFen, utc(now), utc(now), id).update() == 1;
    }

    public long pendingAttempts(UUID paymentId) {
        return jdbc.sql("SELECT COUNT(*) FROM payments_attempt WHERE payment_id = ? AND status = 'PENDING'").param(paymentId)
                .query(Long.class).single();
    }

    /**
     * Reserves {@code fen} of the day's code-payment limit in one guarded update; false when it would
     * pass {@code limitFen} (0: no limit).
     */
    public boolean reserveDay(LocalDate day, long fen, long limitFen) {
        long limit = limitFen <= 0 ? Long.MAX_VALUE / 2 : limitFen;
        if (jdbc.sql("UPDATE payments_day_total SET code_fen = code_fen + ? WHERE pay_day = ? AND code_fen + ? <= ?")
                .params(fen, day, fen, limit).update() == 1) {
            return true;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM payments_day_total WHERE pay_day = ?").param(day).query(Long.class).single() > 0) {
            return false;
        }
        if (fen > limit) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO payments_day_total (pay_day, code_fen) VALUES (?, ?)").params(day, fen).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another first payment of the day made the row a moment ago: reserve against it (H2 keeps the transaction)
            return jdbc.sql("UPDATE payments_day_total SET code_fen = code_fen + ? WHERE pay_day = ? AND code_fen + ? <= ?")
                    .params(fen, day, fen, limit).update() == 1;
        }
    }

    /** Gives back what a payment that did not succeed had reserved. */
    public void releaseDay(LocalDate day, long fen) {
        jdbc.sql("UPDATE payments_day_total SET code_fen = GREATEST(code_fen - ?, 0) WHERE pay_day = ?").params(fen, day).update();
    }

    private static Payment payment(ResultSet rs, int n) throws SQLException {
        return new Payment(rs.getObject("id", UUID.class), rs.getLong("amount_fen"), rs.getString("method"), rs.getString("channel"),
                PaymentStatus.valueOf(rs.getString("status")), rs.getString("purpose"), rs.getString("clerk"), rs.getString("terminal"),
                rs.getObject("paid_at", OffsetDateTime.class).toInstant(), rs.getLong("tendered_fen"), rs.getLong("change_fen"),
                rs.getLong("refunded_fen"), rs.getLong("fee_fen"), rs.getString("reason"));
    }

    private static Attempt attempt(ResultSet rs, int n) throws SQLException {
        return new Attempt(rs.getString("out_trade_no"), rs.getObject("payment_id", UUID.class), rs.getString("channel"), rs.getString("status"),
                rs.getBoolean("reverse_wanted"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("next_check_at", OffsetDateTime.class).toInstant());
    }

    private static @Nullable String clip(@Nullable String reason) {
        return reason == null || reason.length() <= 40 ? reason : reason.substring(0, 40);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

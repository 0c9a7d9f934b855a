package io.yizhan.station.payments.internal;

import io.yizhan.station.payments.Refund;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The refunds table; each change of state is a guarded update. */
@Component
public class RefundStore {

    /** A code refund still to finish: which trade, under which refund number. */
    public record Due(UUID id, UUID paymentId, String outTradeNo, String outRefundNo, long amountFen, boolean duplicate, String reason) {
    }

    private final JdbcClient jdbc;

    RefundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Refund r, @Nullable String outTradeNo, @Nullable String outRefundNo, boolean duplicate, @Nullable String key,
                       @Nullable String sha256, @Nullable Instant nextCheckAt) {
        jdbc.sql("""
                        INSERT INTO payments_refund (id, payment_id, amount_fen, method, status, out_trade_no, out_refund_no, duplicate, reason,
                            clerk, approved_by, terminal, idempotency_key, request_sha256, created_at, updated_at, next_check_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.paymentId(), r.amountFen(), r.method(), r.status(), outTradeNo, outRefundNo, duplicate, r.reason(), r.clerk(),
                        r.approvedBy(), r.terminal(), key, sha256, PaymentStore.utc(r.createdAt()), PaymentStore.utc(r.createdAt()),
                        nextCheckAt == null ? null : PaymentStore.utc(nextCheckAt))
                .update();
    }

    public Optional<Refund> find(UUID id) {
        return jdbc.sql("SELECT * FROM payments_refund WHERE id = ?").param(id).query(RefundStore::refund).optional();
    }

    public Optional<Keyed> byKey(String key) {
        return jdbc.sql("SELECT * FROM payments_refund WHERE idempotency_key = ?").param(key)
                .query((rs, n) -> new Keyed(refund(rs, n), rs.getString("request_sha256"))).optional();
    }

    public record Keyed(Refund refund, @Nullable String requestSha256) {
    }

    public List<Refund> ofPayment(UUID paymentId) {
        return jdbc.sql("SELECT * FROM payments_refund WHERE payment_id = ? ORDER BY created_at").param(paymentId).query(RefundStore::refund).list();
    }

    public List<Refund> awaitingHandover() {
        return jdbc.sql("SELECT * FROM payments_refund WHERE status = 'AWAITING_HANDOVER' ORDER BY created_at").query(RefundStore::refund).list();
    }

    public Optional<Due> due(UUID id) {
        return jdbc.sql("SELECT * FROM payments_refund WHERE id = ? AND status = 'PENDING'").param(id).query(RefundStore::due).optional();
    }

    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM payments_refund WHERE status = 'PENDING' AND next_check_at <= ? ORDER BY next_check_at LIMIT ?")
                .params(PaymentStore.utc(now), limit).query(RefundStore::due).list();
    }

    public void checkAgainAt(UUID id, Instant at, Instant now) {
        jdbc.sql("UPDATE payments_refund SET next_check_at = ?, updated_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(PaymentStore.utc(at), PaymentStore.utc(now), id).update();
    }

    /** Moves a refund from {@code from} to {@code to}; false if it was no longer in {@code from}. */
    public boolean move(UUID id, String from, String to, @Nullable String failReason, @Nullable UUID cashSession, Instant now) {
        return jdbc.sql("""
                        UPDATE payments_refund SET status = ?, fail_reason = ?, cash_session_id = COALESCE(?, cash_session_id), updated_at = ?
                        WHERE id = ? AND status = ?""")
                .params(to, failReason, cashSession, PaymentStore.utc(now), id, from).update() == 1;
    }

    /**
     * Reserves {@code fen} of what the payment may still refund, in one guarded update; false when
     * that would exceed the payment or the payment is not paid.
     */
    public boolean reserve(UUID paymentId, long fen, Instant now) {
        return jdbc.sql("""
                        UPDATE payments_payment SET refunded_fen = refunded_fen + ?, updated_at = ?,
                            status = CASE WHEN refunded_fen + ? = amount_fen THEN 'REFUNDED' ELSE 'PARTIALLY_REFUNDED' END
                        WHERE id = ? AND status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED') AND refunded_fen + ? <= amount_fen""")
                .params(fen, PaymentStore.utc(now), fen, paymentId, fen).update() == 1;
    }

    /** Gives back a reservation whose refund failed. */
    public void release(UUID paymentId, long fen, Instant now) {
        jdbc.sql("""
                        UPDATE payments_payment SET refunded_fen = refunded_fen - ?, updated_at = ?,
                            status = CASE WHEN refunded_fen - ? = 0 THEN 'SUCCEEDED' ELSE 'PARTIALLY_REFUNDED' END
                        WHERE id = ? AND refunded_fen >= ?""")
                .params(fen, PaymentStore.utc(now), fen, paymentId, fen).update();
    }

    private static Refund refund(ResultSet rs, int n) throws SQLException {
        return new Refund(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class), rs.getLong("amount_fen"), rs.getString("method"),
                rs.getString("status"), rs.getString("reason"), rs.getString("fail_reason"), rs.getString("clerk"), rs.getString("approved_by"),
                rs.getString("terminal"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Due due(ResultSet rs, int n) throws SQLException {
        return new Due(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class), rs.getString("out_trade_no"),
                rs.getString("out_refund_no"), rs.getLong("amount_fen"), rs.getBoolean("duplicate"), rs.getString("reason"));
    }
}

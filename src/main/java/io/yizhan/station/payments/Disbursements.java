package io.yizhan.station.payments;

import io.yizhan.station.payments.internal.Receipts;
import io.yizhan.station.shared.Digests;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Money the station pays out that is not a refund (a consignor's payout): cash from the calling
 * counter's drawer session, with a slip that has a signature line, or external (bank transfer,
 * WeChat) recorded with its reference — so no other module keeps money of its own.
 */
@Service
public class Disbursements {

    /** A disbursement: {@code method} CASH, BANK or WECHAT; {@code status} PAID. */
    public record Disbursement(UUID id, long amountFen, String method, String purpose, @Nullable String reference, String status, String clerk,
                               String terminal, Instant at) {
    }

    /** A disbursement and whether this call made it (false: the same idempotency key came again). */
    public record Made(Disbursement disbursement, boolean created) {
    }

    private final JdbcClient jdbc;
    private final CashSessions cash;
    private final Receipts receipts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Disbursements(JdbcClient jdbc, CashSessions cash, Receipts receipts, TransactionTemplate tx, Clock clock, AuditLog audit,
                  ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cash = cash;
        this.receipts = receipts;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    public Made disburse(long amountFen, String purpose, String method, @Nullable String reference, String idempotencyKey) {
        String key = Payments.idempotencyKey(idempotencyKey);
        String how = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
        String what = purpose == null ? "" : purpose.strip();
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        String digest = Digests.sha256(amountFen + "|" + what + "|" + how + "|" + ref);
        Optional<Made> earlier = byKey(key, digest);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (amountFen <= 0 || amountFen > Payments.MAX_FEN) {
            throw new PaymentRefused("BAD_AMOUNT", 400, "payments.error.amount");
        }
        if (what.isEmpty()) {
            throw new PaymentRefused("REASON_REQUIRED", 400, "payments.error.reason");
        }
        if (!how.equals("CASH") && !how.equals("BANK") && !how.equals("WECHAT")) {
            throw new PaymentRefused("BAD_METHOD", 400, "payments.error.disbursement-method");
        }
        if (!how.equals("CASH") && (ref == null || ref.length() > 80)) {
            throw new PaymentRefused("REFERENCE_REQUIRED", 400, "payments.error.reference");
        }
        String terminal = how.equals("CASH") ? CashSessions.counterTerminal() : CurrentTerminal.name();
        try {
            return new Made(tx.execute(s -> {
                Instant now = clock.instant();
                UUID id = UuidV7.next(clock);
                UUID session = how.equals("CASH") ? cash.book(terminal, "DISBURSEMENT", -amountFen, null, "DISBURSEMENT", what).sessionId() : null;
                jdbc.sql("""
                                INSERT INTO payments_disbursement (id, amount_fen, method, purpose, reference, status, clerk, terminal, cash_session_id,
                                    idempotency_key, request_sha256, created_at) VALUES (?, ?, ?, ?, ?, 'PAID', ?, ?, ?, ?, ?, ?)""")
                        .params(id, amountFen, how, clip(what), ref, audit.currentActor(), terminal, session, key, digest,
                                OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .update();
                Disbursement d = new Disbursement(id, amountFen, how, clip(what), ref, "PAID", audit.currentActor(), terminal, now);
                events.publishEvent(new MoneyDisbursed(UuidV7.next(clock), id, amountFen, how, d.purpose(), ref, now));
                audit.record("payments.disburse", io.yizhan.station.shared.Money.yuan(amountFen) + " " + how + " " + d.purpose());
                receipts.printDisbursement(d);
                return d;
            }), true);
        } catch (DuplicateKeyException raced) {
            return byKey(key, digest).orElseThrow(() -> raced);
        }
    }

    private Optional<Made> byKey(String key, String digest) {
        return jdbc.sql("SELECT * FROM payments_disbursement WHERE idempotency_key = ?").param(key).query((rs, n) -> {
            if (!digest.equals(rs.getString("request_sha256"))) {
                throw new PaymentRefused("IDEMPOTENCY_KEY_REUSED", 409, "payments.error.key-reused");
            }
            return new Made(new Disbursement(rs.getObject("id", UUID.class), rs.getLong("amount_fen"), rs.getString("method"),
                    rs.getString("purpose"), rs.getString("reference"), rs.getString("status"), rs.getString("clerk"), rs.getString("terminal"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant()), false);
        }).optional();
    }

    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}

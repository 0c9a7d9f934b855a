package io.yizhan.station.payments;

import io.yizhan.station.counter.CounterRequests;
import io.yizhan.station.payments.internal.PaymentStore;
import io.yizhan.station.payments.internal.PaymentsProperties;
import io.yizhan.station.payments.internal.Receipts;
import io.yizhan.station.payments.internal.RefundSettlement;
import io.yizhan.station.payments.internal.RefundStore;
import io.yizhan.station.shared.Digests;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.TerminalKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds, full or partial, always to the original method and always with a reason: cash from the
 * drawer of the counter that hands it over, a payment code through central under its own refund
 * number. Above {@code yizhan.payments.refund-manager-fen} a manager approves. What a payment may
 * still refund is reserved in one guarded update, so two refunds at once never exceed it.
 */
@Service
public class Refunds {

    private final RefundStore store;
    private final PaymentStore payments;
    private final RefundSettlement settlement;
    private final CashSessions cash;
    private final Receipts receipts;
    private final PaymentsProperties rules;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Payments paymentsApi;
    private final CounterRequests requests;

    Refunds(CounterRequests requests, RefundStore store, PaymentStore payments, RefundSettlement settlement, CashSessions cash, Receipts receipts, PaymentsProperties rules,
            TransactionTemplate tx, Clock clock, AuditLog audit, ApplicationEventPublisher events, Payments paymentsApi) {
        this.requests = requests;
        this.store = store;
        this.payments = payments;
        this.settlement = settlement;
        this.cash = cash;
        this.receipts = receipts;
        this.rules = rules;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.paymentsApi = paymentsApi;
    }

    /** A refund and whether this call created it (false: the same idempotency key came again). */
    public record Made(Refund refund, boolean created) {
    }

    /**
     * Refunds {@code amountFen} of a paid payment. Cash is paid from this counter's drawer at once (or,
     * away from a counter, waits as {@code AWAITING_HANDOVER}); a code refund may answer
     * {@code PENDING} and is finished in the background.
     *
     * @param approvedBy a manager who confirmed on the clerk's screen, or null
     */
    public Made refund(UUID paymentId, long amountFen, String reason, String idempotencyKey, @Nullable String approvedBy) {
        String key = Payments.idempotencyKey(idempotencyKey);
        String why = reason == null ? "" : reason.strip();
        String digest = Digests.sha256(paymentId + "|" + amountFen + "|" + why);
        Optional<RefundStore.Keyed> earlier = store.byKey(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), digest);
        }
        Payment payment = payments.find(paymentId).orElseThrow(() -> new PaymentRefused("NOT_FOUND", 404, "payments.error.not-found"));
        if (amountFen <= 0 || amountFen > Payments.MAX_FEN) {
            throw new PaymentRefused("BAD_AMOUNT", 400, "payments.error.amount");
        }
        if (why.isEmpty()) {
            throw new PaymentRefused("REASON_REQUIRED", 400, "payments.error.reason");
        }
        if (!payment.status().paid()) {
            throw new PaymentRefused("REFUND_NOT_ALLOWED", 409, "payments.error.not-paid");
        }
        if (amountFen > payment.amountFen() - payment.refundedFen()) {
            throw new PaymentRefused("REFUND_EXCEEDS_PAYMENT", 409, "payments.error.refund-exceeds");
        }
        if (amountFen > rules.refundManagerFen() && approvedBy == null && !paymentsApi.callerIsManager()) {
            throw new PaymentRefused("SECOND_CHECK_REQUIRED", 403, "payments.error.refund-manager");
        }
        try {
            Refund made = payment.method().equals(Payments.CASH) ? cashRefund(payment, amountFen, why, key, digest, approvedBy)
                    : codeRefund(payment, amountFen, why, key, digest, approvedBy);
            if (made.status().equals("AWAITING_HANDOVER")) {
                // on every counter screen until a clerk hands it over
                requests.post("CASH_REFUND", io.yizhan.station.shared.Money.yuan(amountFen), made.terminal(), "counter/payments");
            }
            return new Made(made, true);
        } catch (DuplicateKeyException raced) {
            return replay(store.byKey(key).orElseThrow(() -> raced), digest);
        }
    }

    /** True when refunding this much needs a manager's approval on the clerk's screen (the signed-in user is not one). */
    public boolean needsManager(long amountFen) {
        return amountFen > rules.refundManagerFen() && !paymentsApi.callerIsManager();
    }

    public Optional<Refund> find(UUID id) {
        return store.find(id);
    }

    public List<Refund> ofPayment(UUID paymentId) {
        return store.ofPayment(paymentId);
    }

    /** Cash refunds waiting for the resident to come to a counter. */
    public List<Refund> awaitingHandover() {
        return store.awaitingHandover();
    }

    /** Hands a waiting cash refund over at this counter: paid from its drawer, booked to its session. */
    public Refund handOver(UUID refundId) {
        String terminal = CashSessions.counterTerminal();
        return tx.execute(s -> {
            Refund r = store.find(refundId).orElseThrow(() -> new PaymentRefused("NOT_FOUND", 404, "payments.error.not-found"));
            if (!r.status().equals("AWAITING_HANDOVER")) {
                return r;
            }
            CashMovement out = cash.book(terminal, "REFUND", -r.amountFen(), r.paymentId(), "REFUND", r.reason());
            Instant now = clock.instant();
            if (store.move(r.id(), "AWAITING_HANDOVER", "SUCCEEDED", null, out.sessionId(), now)) {
                events.publishEvent(new PaymentRefunded(UuidV7.next(clock), r.paymentId(), r.id(), r.amountFen(), Payments.CASH, r.reason(), now));
                audit.record("payments.refund-handover", r.paymentId() + " " + io.yizhan.station.shared.Money.yuan(r.amountFen()));
                receipts.printRefund(store.find(r.id()).orElseThrow(), terminal);
            }
            return store.find(r.id()).orElseThrow();
        });
    }

    private Made replay(RefundStore.Keyed earlier, String digest) {
        if (!digest.equals(earlier.requestSha256())) {
            throw new PaymentRefused("IDEMPOTENCY_KEY_REUSED", 409, "payments.error.key-reused");
        }
        return new Made(earlier.refund(), false);
    }

    private Refund cashRefund(Payment payment, long amountFen, String why, String key, String digest, @Nullable String approvedBy) {
        Optional<String> counter = CurrentTerminal.get().filter(t -> t.kind() == TerminalKind.COUNTER).map(t -> t.id().toString());
        return tx.execute(s -> {
            Instant now = clock.instant();
            if (!store.reserve(payment.id(), amountFen, now)) {
                throw new PaymentRefused("REFUND_EXCEEDS_PAYMENT", 409, "payments.error.refund-exceeds");
            }
            Refund r = new Refund(UuidV7.next(clock), payment.id(), amountFen, Payments.CASH, counter.isPresent() ? "SUCCEEDED" : "AWAITING_HANDOVER",
                    why, null, audit.currentActor(), approvedBy, counter.orElse(CurrentTerminal.name()), now);
            store.insert(r, null, null, false, key, digest, null);
            audit.record("payments.refund", payment.id() + " " + io.yizhan.station.shared.Money.yuan(amountFen) + " " + why
                    + (approvedBy == null ? "" : " · " + approvedBy));
            if (counter.isPresent()) {
                CashMovement out = cash.book(counter.get(), "REFUND", -amountFen, payment.id(), "REFUND", why);
                store.move(r.id(), "SUCCEEDED", "SUCCEEDED", null, out.sessionId(), now);
                events.publishEvent(new PaymentRefunded(UuidV7.next(clock), payment.id(), r.id(), amountFen, Payments.CASH, why, now));
                receipts.printRefund(r, counter.get());
            }
            return store.find(r.id()).orElseThrow();
        });
    }

    private Refund codeRefund(Payment payment, long amountFen, String why, String key, String digest, @Nullable String approvedBy) {
        String outTradeNo = payments.succeededAttempt(payment.id())
                .orElseThrow(() -> new PaymentRefused("REFUND_NOT_ALLOWED", 409, "payments.error.not-paid"));
        Refund r = tx.execute(s -> {
            Instant now = clock.instant();
            if (!store.reserve(payment.id(), amountFen, now)) {
                throw new PaymentRefused("REFUND_EXCEEDS_PAYMENT", 409, "payments.error.refund-exceeds");
            }
            Refund made = new Refund(UuidV7.next(clock), payment.id(), amountFen, Payments.CODE, "PENDING", why, null, audit.currentActor(),
                    approvedBy, CurrentTerminal.name(), now);
            // nobody else asks about it before the first call has had its full time to answer
            store.insert(made, outTradeNo, made.id().toString().replace("-", ""), false, key, digest,
                    now.plus(rules.callTimeout()).plusSeconds(2));
            audit.record("payments.refund", payment.id() + " " + io.yizhan.station.shared.Money.yuan(amountFen) + " " + why
                    + (approvedBy == null ? "" : " · " + approvedBy));
            return made;
        });
        store.due(r.id()).ifPresent(settlement::send);
        return store.find(r.id()).orElseThrow();
    }
}

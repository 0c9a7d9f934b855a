package io.yizhan.station.payments.internal;

import io.yizhan.contract.GatewayTrade;
import io.yizhan.station.link.CentralCallFailed;
import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.PaymentStatus;
import io.yizhan.station.payments.PaymentTaken;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings payment-code attempts to a final state from what the channel says, each change in one
 * transaction with its event: a success publishes {@link PaymentTaken} and prints the receipt; a
 * failure or reversal gives back the day's limit. "Unknown" is never a failure: it is asked about
 * again ({@code yizhan.payments.query-interval}), and a trade the resident has not confirmed within
 * {@code user-paying-limit} — or that the clerk cancelled — is reversed, the reversal retried until
 * central confirms it.
 */
@Component
public class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    private final PaymentStore store;
    private final Gateway gateway;
    private final PaymentsProperties rules;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final StationTime time;
    private final ApplicationEventPublisher events;
    private final Receipts receipts;
    private final AuditLog audit;
    private final RefundSettlement refunds;

    Settlement(PaymentStore store, Gateway gateway, PaymentsProperties rules, TransactionTemplate tx, Clock clock, StationTime time,
               ApplicationEventPublisher events, Receipts receipts, AuditLog audit, RefundSettlement refunds) {
        this.refunds = refunds;
        this.store = store;
        this.gateway = gateway;
        this.rules = rules;
        this.tx = tx;
        this.clock = clock;
        this.time = time;
        this.events = events;
        this.receipts = receipts;
        this.audit = audit;
    }

    /** Charges the code for a freshly stored attempt and applies the answer (or schedules the question). */
    public void pay(PaymentStore.Attempt attempt, String authCode, long amountFen, String description) {
        GatewayTrade answer;
        try {
            answer = gateway.pay(attempt.outTradeNo(), authCode, amountFen, description);
        } catch (CentralCallFailed e) {
            if (e.mayHaveArrived()) {
                log.warn("payment {}: no answer to the pay call ({}); asking central", attempt.outTradeNo(), e.getMessage());
                checkSoon(attempt, Duration.ZERO);
            } else {
                finish(attempt, "FAILED", null, "CENTRAL_UNREACHABLE");
            }
            return;
        }
        apply(attempt, answer, false);
    }

    /**
     * One step for a pending attempt whose check is due: reverse it if the clerk cancelled; otherwise ask,
     * and reverse it if it is still unconfirmed after {@code user-paying-limit}.
     */
    public void step(PaymentStore.Attempt attempt) {
        boolean overdue = !Duration.between(attempt.createdAt(), clock.instant()).minus(rules.userPayingLimit()).isNegative();
        try {
            if (attempt.reverseWanted()) {
                reverse(attempt);
                return;
            }
            GatewayTrade now = gateway.query(attempt.outTradeNo());
            if (overdue && (now.status().equals("USERPAYING") || now.status().equals("UNKNOWN"))) {
                // the resident did not confirm in time: the trade is reversed, so it can never be paid later
                reverse(attempt);
            } else {
                apply(attempt, now, true);
            }
        } catch (CentralCallFailed e) {
            log.info("payment {}: central did not answer ({}); asking again", attempt.outTradeNo(), e.getMessage());
            checkSoon(attempt, rules.queryInterval());
        }
    }

    private void reverse(PaymentStore.Attempt attempt) throws CentralCallFailed {
        GatewayTrade answer = gateway.reverse(attempt.outTradeNo());
        switch (answer.status()) {
            case "REVOKED", "CLOSED" -> finish(attempt, "REVOKED", answer.channelTradeNo(), attempt.reverseWanted() ? "CANCELLED" : "TIMED_OUT");
            case "FAILED" -> finish(attempt, "FAILED", null, answer.errorCode());
            case "SUCCESS", "PARTIALLY_REFUNDED", "REFUNDED" -> finish(attempt, "SUCCEEDED", answer.channelTradeNo(), null);
            default -> checkSoon(attempt, rules.queryInterval());
        }
    }

    private void apply(PaymentStore.Attempt attempt, GatewayTrade answer, boolean fromQuery) {
        switch (answer.status()) {
            case "SUCCESS", "PARTIALLY_REFUNDED", "REFUNDED" -> finish(attempt, "SUCCEEDED", answer.channelTradeNo(), null);
            case "FAILED" -> finish(attempt, "FAILED", answer.channelTradeNo(), answer.errorCode());
            case "CLOSED", "REVOKED" -> finish(attempt, "REVOKED", answer.channelTradeNo(), "CLOSED");
            case "NOTFOUND" -> {
                // the pay call never arrived (or has not yet): reverse the number so it can never pay later
                if (fromQuery) {
                    try {
                        reverse(attempt);
                    } catch (CentralCallFailed e) {
                        checkSoon(attempt, rules.queryInterval());
                    }
                } else {
                    checkSoon(attempt, Duration.ZERO);
                }
            }
            case "USERPAYING" -> checkSoon(attempt, rules.queryInterval());
            default -> checkSoon(attempt, fromQuery ? rules.queryInterval() : Duration.ZERO);
        }
    }

    private void checkSoon(PaymentStore.Attempt attempt, Duration after) {
        Instant now = clock.instant();
        store.checkAgainAt(attempt.outTradeNo(), now.plus(after), now);
    }

    /**
     * 补单: reconciliation found the channel took the money for this trade although it did not end paid
     * here. The attempt and its payment become paid (no receipt: the resident is not at the counter);
     * if the payment was paid meanwhile by another trade, this one is refunded instead.
     */
    public void complete(String outTradeNo) {
        tx.executeWithoutResult(s -> {
            PaymentStore.Attempt attempt = store.attempt(outTradeNo).orElseThrow();
            Instant now = clock.instant();
            if (!store.reopenAttempt(outTradeNo, now)) {
                return;
            }
            Payment payment = store.find(attempt.paymentId()).orElseThrow();
            long fee = rules.fee(attempt.channel(), payment.amountFen());
            if (store.completePayment(payment.id(), fee, now)) {
                store.reserveDay(time.date(payment.paidAt()), payment.amountFen(), 0);
                events.publishEvent(new PaymentTaken(UuidV7.next(clock), payment.id(), payment.amountFen(), payment.method(), payment.purpose(),
                        now, payment.channel()));
            } else {
                refunds.refundDuplicate(payment.id(), outTradeNo, payment.amountFen(), payment.terminal());
            }
        });
    }

    /** Ends an attempt and, when it was the payment's last pending one, the payment — in one transaction. */
    private void finish(PaymentStore.Attempt attempt, String attemptStatus, @Nullable String channelTradeNo, @Nullable String reason) {
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            if (!store.settleAttempt(attempt.outTradeNo(), attemptStatus, channelTradeNo, reason, now)) {
                return;
            }
            Payment payment = store.find(attempt.paymentId()).orElseThrow();
            if (attemptStatus.equals("SUCCEEDED")) {
                long fee = rules.fee(attempt.channel(), payment.amountFen());
                if (store.settlePayment(payment.id(), PaymentStatus.SUCCEEDED, fee, null, now)) {
                    Payment paid = store.find(payment.id()).orElseThrow();
                    events.publishEvent(new PaymentTaken(UuidV7.next(clock), paid.id(), paid.amountFen(), paid.method(), paid.purpose(),
                            now, paid.channel()));
                    if (!store.printsOwnReceipt(paid.id())) {
                        receipts.print(paid);
                    }
                } else {
                    // the payment was already paid by another attempt: the resident was charged twice, the extra goes back
                    audit.record("system", payment.terminal(), "payments.duplicate-charge",
                            payment.id() + " " + attempt.outTradeNo() + " " + time.dateTime(now));
                    log.warn("payment {}: attempt {} also succeeded — charged twice; refunding that trade", payment.id(), attempt.outTradeNo());
                    refunds.refundDuplicate(payment.id(), attempt.outTradeNo(), payment.amountFen(), payment.terminal());
                }
            } else if (store.pendingAttempts(payment.id()) == 0 && payment.status() == PaymentStatus.PENDING) {
                PaymentStatus end = attemptStatus.equals("REVOKED") ? PaymentStatus.REVOKED : PaymentStatus.FAILED;
                if (store.settlePayment(payment.id(), end, 0, reason, now)) {
                    store.releaseDay(time.date(payment.paidAt()), payment.amountFen());
                }
            }
        });
    }
}

package io.yizhan.station.payments.internal;

import io.yizhan.contract.GatewayRefund;
import io.yizhan.station.link.CentralCallFailed;
import io.yizhan.station.payments.PaymentRefunded;
import io.yizhan.station.payments.Refund;
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
 * Brings code refunds to a final state. The refund number is made once and sent again on every
 * retry, so central never refunds twice; "accepted" (PROCESSING) is not done: it is asked about
 * until central says SUCCESS or FAILED. A failed refund gives its amount back to what the payment
 * may still refund.
 */
@Component
public class RefundSettlement {

    private static final Logger log = LoggerFactory.getLogger(RefundSettlement.class);

    private final RefundStore refunds;
    private final Gateway gateway;
    private final PaymentsProperties rules;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    RefundSettlement(RefundStore refunds, Gateway gateway, PaymentsProperties rules, TransactionTemplate tx, Clock clock,
                     ApplicationEventPublisher events, AuditLog audit) {
        this.refunds = refunds;
        this.gateway = gateway;
        this.rules = rules;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    /** Asks central to refund (again, under the same number, if it may not have arrived before). */
    public void send(RefundStore.Due due) {
        try {
            apply(due, gateway.refund(due.outTradeNo(), due.outRefundNo(), due.amountFen(), due.reason()));
        } catch (CentralCallFailed e) {
            log.info("refund {}: no answer from central ({}); asking again later", due.outRefundNo(), e.getMessage());
            later(due, e.mayHaveArrived() ? Duration.ZERO : rules.queryInterval());
        }
    }

    /** One step for a refund whose check is due: ask, and send it again if central never got it. */
    public void step(RefundStore.Due due) {
        try {
            GatewayRefund answer = gateway.queryRefund(due.outRefundNo());
            if (answer.status().equals("NOTFOUND")) {
                send(due);
            } else {
                apply(due, answer);
            }
        } catch (CentralCallFailed e) {
            later(due, rules.queryInterval());
        }
    }

    /**
     * The resident was charged twice for one payment (a second trade succeeded): that trade is refunded
     * in full at once, audited; it does not count against what the payment itself may refund.
     */
    public void refundDuplicate(java.util.UUID paymentId, String outTradeNo, long amountFen, String terminal) {
        Instant now = clock.instant();
        Refund r = new Refund(UuidV7.next(clock), paymentId, amountFen, "CODE", "PENDING", "重复扣款自动退款 duplicate charge", null, "system", null,
                terminal, now);
        String outRefundNo = r.id().toString().replace("-", "");
        refunds.insert(r, outTradeNo, outRefundNo, true, null, null, now);
        audit.record("system", terminal, "payments.duplicate-refund", paymentId + " " + outTradeNo);
    }

    private void apply(RefundStore.Due due, GatewayRefund answer) {
        switch (answer.status()) {
            case "SUCCESS" -> finish(due, "SUCCEEDED", null);
            case "FAILED" -> finish(due, "FAILED", answer.errorCode());
            default -> later(due, rules.queryInterval());
        }
    }

    private void later(RefundStore.Due due, Duration after) {
        Instant now = clock.instant();
        refunds.checkAgainAt(due.id(), now.plus(after), now);
    }

    private void finish(RefundStore.Due due, String status, @Nullable String failReason) {
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            if (!refunds.move(due.id(), "PENDING", status, failReason, null, now)) {
                return;
            }
            if (status.equals("SUCCEEDED")) {
                events.publishEvent(new PaymentRefunded(UuidV7.next(clock), due.paymentId(), due.id(), due.amountFen(), "CODE", due.reason(), now));
            } else if (!due.duplicate()) {
                refunds.release(due.paymentId(), due.amountFen(), now);
            }
        });
    }
}

package io.yizhan.station.payments.internal;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background job that brings every pending payment-code attempt (and code refund) to a final state: it asks
 * central about each one whose check is due (every {@code yizhan.payments.query-interval}), reverses
 * those the resident did not confirm within {@code user-paying-limit} or the clerk cancelled, and
 * runs a second after a restart, so a payment that was under way when the station died ends with
 * exactly one charge or none.
 */
@Component
public class PendingPayments {

    private static final Logger log = LoggerFactory.getLogger(PendingPayments.class);

    private final PaymentStore store;
    private final Settlement settlement;
    private final RefundStore refunds;
    private final RefundSettlement refundSettlement;
    private final Clock clock;

    PendingPayments(PaymentStore store, Settlement settlement, RefundStore refunds, RefundSettlement refundSettlement, Clock clock) {
        this.store = store;
        this.settlement = settlement;
        this.refunds = refunds;
        this.refundSettlement = refundSettlement;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${yizhan.payments.settle-every:PT1S}", fixedDelayString = "${yizhan.payments.settle-every:PT1S}")
    void scheduled() {
        settleDue();
    }

    /** Takes one step for every attempt and refund that is due; answers how many it looked at. */
    public synchronized int settleDue() {
        int seen = 0;
        List<PaymentStore.Attempt> due;
        do {
            due = store.due(clock.instant(), 50);
            for (PaymentStore.Attempt attempt : due) {
                try {
                    settlement.step(attempt);
                } catch (RuntimeException e) {
                    log.error("payment attempt {}: settling failed, tried again later", attempt.outTradeNo(), e);
                    store.checkAgainAt(attempt.outTradeNo(), clock.instant().plusSeconds(5), clock.instant());
                }
            }
            seen += due.size();
        } while (due.size() == 50 && seen < 1_000);
        List<RefundStore.Due> refundsDue;
        int refundsSeen = 0;
        do {
            refundsDue = refunds.due(clock.instant(), 50);
            for (RefundStore.Due r : refundsDue) {
                try {
                    refundSettlement.step(r);
                } catch (RuntimeException e) {
                    log.error("refund {}: settling failed, tried again later", r.outRefundNo(), e);
                    refunds.checkAgainAt(r.id(), clock.instant().plusSeconds(5), clock.instant());
                }
            }
            refundsSeen += refundsDue.size();
        } while (refundsDue.size() == 50 && refundsSeen < 1_000);
        return seen + refundsSeen;
    }
}

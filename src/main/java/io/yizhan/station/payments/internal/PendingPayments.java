package io.yizhan.station.payments.internal;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
    private static final int PAGE = 50;

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
        return settle(() -> store.due(clock.instant(), PAGE), settlement::step, PaymentStore.Attempt::outTradeNo,
                a -> store.checkAgainAt(a.outTradeNo(), clock.instant().plusSeconds(5), clock.instant()))
                + settle(() -> refunds.due(clock.instant(), PAGE), refundSettlement::step, RefundStore.Due::outRefundNo,
                r -> refunds.checkAgainAt(r.id(), clock.instant().plusSeconds(5), clock.instant()));
    }

    /**
     * Steps through what is due a page at a time (each step moves it out of the due list, or an error
     * puts it off by five seconds), at most 1,000 a round.
     */
    private static <T> int settle(Supplier<List<T>> due, Consumer<T> step, Function<T, String> name, Consumer<T> putOff) {
        int seen = 0;
        List<T> page;
        do {
            page = due.get();
            for (T item : page) {
                try {
                    step.accept(item);
                } catch (RuntimeException e) {
                    log.error("{}: settling failed, tried again later", name.apply(item), e);
                    putOff.accept(item);
                }
            }
            seen += page.size();
        } while (page.size() == PAGE && seen < 1_000);
        return seen;
    }
}

package io.yizhan.station.bills.internal;

import io.yizhan.station.bills.Bills;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles what a crash, a lost answer or central's absence left open, also right after a restart
 * (see {@link Bills#settleOpen()}); once an hour, erases full account and phone numbers from old
 * finished payments.
 */
@Component
class PendingBills {

    private static final Logger log = LoggerFactory.getLogger(PendingBills.class);

    private final Bills bills;

    PendingBills(Bills bills) {
        this.bills = bills;
    }

    @Scheduled(initialDelayString = "PT2S", fixedDelayString = "${yizhan.bills.settle-every:PT2S}")
    void settleDue() {
        try {
            bills.settleOpen();
        } catch (RuntimeException e) {
            log.warn("settling open bill payments failed, tried again shortly: {}", e.toString());
        }
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void erase() {
        int erased = bills.eraseOld();
        if (erased > 0) {
            log.info("erased the account numbers of {} old bill payments", erased);
        }
    }
}

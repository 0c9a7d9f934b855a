package io.yizhan.station.shopping.internal;

import io.yizhan.station.shopping.Shopping;
import io.yizhan.station.sync.SyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles what a crash, a lost answer or central's absence left open, also right after a restart:
 * drafts are placed once central answers; a pending code payment follows its payment; a paid order
 * is confirmed to central (or refunded in full when central let it expire).
 */
@Component
class PendingOrders {

    private static final Logger log = LoggerFactory.getLogger(PendingOrders.class);

    private final Shopping shopping;
    private final SyncProperties sync;

    private final io.yizhan.station.shopping.AfterSales afterSales;

    PendingOrders(Shopping shopping, SyncProperties sync, io.yizhan.station.shopping.AfterSales afterSales) {
        this.afterSales = afterSales;
        this.shopping = shopping;
        this.sync = sync;
    }

    @Scheduled(initialDelayString = "PT3S", fixedDelayString = "${yizhan.shopping.settle-every:PT5S}")
    void settleDue() {
        try {
            shopping.settleOpenPayments();
            afterSales.approvedUnsettled().forEach(afterSales::settle);
            if (sync.enabled()) {
                shopping.submitDrafts();
            }
        } catch (RuntimeException e) {
            log.warn("settling open orders failed, tried again shortly: {}", e.toString());
        }
    }
}

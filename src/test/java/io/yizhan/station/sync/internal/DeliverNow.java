package io.yizhan.station.sync.internal;

import org.springframework.context.ApplicationContext;

/** Lets tests of other modules deliver the outbox to central now instead of waiting for the schedule. */
public final class DeliverNow {

    private DeliverNow() {
    }

    public static void all(ApplicationContext context) throws Exception {
        Delivery delivery = context.getBean(Delivery.class);
        while (delivery.deliverOnce() > 0) {
            // until nothing deliverable is left
        }
    }
}

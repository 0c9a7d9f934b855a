package io.yizhan.station.sync.internal;

import org.springframework.context.ApplicationContext;

/** Lets tests of other modules pull central's feeds now instead of waiting for the schedule. */
public final class PullNow {

    private PullNow() {
    }

    public static int all(ApplicationContext context) throws Exception {
        return context.getBean(Pulls.class).pullAll();
    }
}

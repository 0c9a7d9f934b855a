package io.yizhan.station.sync.internal;

import io.yizhan.station.sync.SyncProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivered events leave the outbox after {@code yizhan.sync.keep-delivered-days} (default 30):
 * central has them, and their payloads (a text message's phone number among them) must not stay
 * on the station longer than the privacy rule allows. Pending and quarantined events stay.
 */
@Component
class OutboxPruning {

    private static final Logger log = LoggerFactory.getLogger(OutboxPruning.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SyncProperties sync;

    OutboxPruning(JdbcClient jdbc, Clock clock, SyncProperties sync) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sync = sync;
    }

    @Scheduled(cron = "0 45 3 * * *", zone = "${yizhan.station.zone:Asia/Shanghai}")
    @Transactional
    public int prune() {
        OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(sync.keepDeliveredDays())), ZoneOffset.UTC);
        int removed = jdbc.sql("DELETE FROM sync_outbox WHERE status = 'DELIVERED' AND delivered_at <= ?").param(before).update();
        if (removed > 0) {
            log.info("Removed {} events central received more than {} days ago", removed, sync.keepDeliveredDays());
        }
        return removed;
    }
}

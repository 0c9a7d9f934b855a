package io.yizhan.station.parcels;

import io.yizhan.station.parcels.internal.ParcelsProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Privacy: recipient and proxy phone numbers are erased from parcels that left the station more
 * than {@code yizhan.parcels.erase-phone-after-days} ago (default 30), and from their notifications;
 * sender and recipient numbers likewise from sent parcels the courier collected that long ago, and
 * courier manifests received that long ago are deleted.
 * Runs every night; the parcel's history stays, without the number.
 */
@Service
public class PhoneErasure {

    private static final Logger log = LoggerFactory.getLogger(PhoneErasure.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ParcelsProperties rules;

    PhoneErasure(JdbcClient jdbc, Clock clock, ParcelsProperties rules) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
    }

    /** Erases what is due; returns how many parcels lost their numbers. */
    @Scheduled(cron = "0 15 3 * * *", zone = "${yizhan.station.zone:Asia/Shanghai}")
    @Transactional
    public int eraseDue() {
        var before = clock.instant().minus(Duration.ofDays(rules.erasePhoneAfterDays())).atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        UPDATE parcels_notification SET phone = NULL WHERE phone IS NOT NULL AND parcel_id IN (
                            SELECT id FROM parcels_parcel WHERE left_at IS NOT NULL AND left_at <= ?)""")
                .param(before).update();
        int erased = jdbc.sql("""
                        UPDATE parcels_parcel SET phone = NULL, phone_tail = NULL, proxy_phone = NULL
                        WHERE left_at IS NOT NULL AND left_at <= ? AND (phone IS NOT NULL OR proxy_phone IS NOT NULL)""")
                .param(before).update();
        erased += jdbc.sql("""
                        UPDATE parcels_shipment SET sender_phone = NULL, recipient_phone = NULL
                        WHERE collected_at IS NOT NULL AND collected_at <= ? AND (sender_phone IS NOT NULL OR recipient_phone IS NOT NULL)""")
                .param(before).update();
        jdbc.sql("DELETE FROM parcels_manifest WHERE received_at <= ?").param(before).update();
        if (erased > 0) {
            log.info("Erased the phone numbers of {} parcels that left more than {} days ago", erased, rules.erasePhoneAfterDays());
        }
        return erased;
    }
}

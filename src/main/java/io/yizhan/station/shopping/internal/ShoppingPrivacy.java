package io.yizhan.station.shopping.internal;

import io.yizhan.station.shopping.ShoppingProperties;
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
 * Keeps residents' numbers no longer than the service needs them: home addresses leave orders closed
 * {@code erase-after-days} ago (180); a resident with no order for {@code forget-resident-after-days}
 * (365) is forgotten — phone and name erased, only the masked number left on their old orders' screens.
 */
@Component
class ShoppingPrivacy {

    private static final Logger log = LoggerFactory.getLogger(ShoppingPrivacy.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ShoppingProperties rules;

    ShoppingPrivacy(JdbcClient jdbc, Clock clock, ShoppingProperties rules) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
    }

    @Scheduled(cron = "${yizhan.shopping.erase-cron:0 50 3 * * *}", zone = "${yizhan.station.zone:Asia/Shanghai}")
    @Transactional
    public int[] erase() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int addresses = jdbc.sql("""
                        UPDATE shopping_order SET address_sealed = NULL
                        WHERE address_sealed IS NOT NULL AND status IN ('COMPLETED', 'CANCELLED', 'EXPIRED', 'REJECTED', 'REFUNDED') AND updated_at < ?""")
                .param(now.minus(Duration.ofDays(rules.eraseAfterDays()))).update();
        int residents = jdbc.sql("""
                        UPDATE shopping_resident SET phone_hash = CONCAT('forgotten-', CAST(id AS VARCHAR(36))), phone_sealed = '', name = NULL
                        WHERE phone_sealed <> '' AND COALESCE(last_order_at, created_at) < ?
                          AND NOT EXISTS (SELECT 1 FROM shopping_order o WHERE o.resident_id = shopping_resident.id
                                          AND o.status NOT IN ('COMPLETED', 'CANCELLED', 'EXPIRED', 'REJECTED', 'REFUNDED'))""")
                .param(now.minus(Duration.ofDays(rules.forgetResidentAfterDays()))).update();
        if (addresses + residents > 0) {
            log.info("erased {} home addresses from closed orders and forgot {} residents", addresses, residents);
        }
        return new int[] {addresses, residents};
    }
}

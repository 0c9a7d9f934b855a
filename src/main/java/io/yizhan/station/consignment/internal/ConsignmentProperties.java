package io.yizhan.station.consignment.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yizhan.consignment.*}: {@code key} — the secret (32 bytes, Base64) that encrypts consignors'
 * phone, ID and account numbers and keys their lookup hash; it is never stored in the database or its
 * backups (keep it in the station's environment, e.g. {@code YIZHAN_CONSIGNMENT_KEY}, and a copy
 * offline: without it the numbers cannot be read back). Demo mode uses a fixed demo key when none is
 * set; live mode registers no consignor without one. {@code erase-after-days}: how long a consignor
 * with nothing left at the station keeps phone, ID and account numbers (checked daily at
 * {@code erase-cron}, default 03:40). {@code min-payout-fen}: the smallest payout (default ¥10).
 * {@code online-settle-days}: how long an online sale waits for its after-sales window before it is
 * payable (default 7).
 */
@ConfigurationProperties("yizhan.consignment")
public record ConsignmentProperties(@Nullable String key, @DefaultValue("1095") int eraseAfterDays, @DefaultValue("1000") long minPayoutFen,
                                    @DefaultValue("7") int onlineSettleDays) {
}

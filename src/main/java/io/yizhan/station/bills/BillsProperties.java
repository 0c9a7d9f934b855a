package io.yizhan.station.bills;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yizhan.bills.*}: {@code central-wait} (10 s) — how long a lookup or write-off waits for
 * central before the answer counts as lost; {@code query-every} (3 s) — how often a write-off in
 * progress or with a lost answer is asked about; {@code abandon-after} (10 min) — a kiosk payment
 * left unpaid that long is cancelled; {@code stuck-after} (10 min) — from then a manager may settle a
 * write-off central cannot tell about, with a note; {@code erase-after-days} (180) — full account and
 * phone numbers leave finished payments that old, the masked forms stay.
 */
@ConfigurationProperties("yizhan.bills")
public record BillsProperties(@DefaultValue("10s") Duration centralWait, @DefaultValue("3s") Duration queryEvery,
                              @DefaultValue("10m") Duration abandonAfter, @DefaultValue("10m") Duration stuckAfter,
                              @DefaultValue("180") int eraseAfterDays) {
}

package io.yizhan.station.sync;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yizhan.sync.*}: where central is ({@code central-url}; HTTPS works with the JVM's trust
 * store), this station's secret key towards it, how many events go in one request, and after how
 * long without central the counter raises an alarm, and how many days delivered events are kept.
 */
@ConfigurationProperties("yizhan.sync")
public record SyncProperties(@DefaultValue("http://127.0.0.1:8081") URI centralUrl, @DefaultValue("") String stationKey,
                             @DefaultValue("true") boolean enabled, @DefaultValue("200") int batchSize,
                             @DefaultValue("24h") Duration offlineAlarm, @DefaultValue("30") int keepDeliveredDays) {

    public SyncProperties {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("yizhan.sync.batch-size must be 1–1000 (central takes at most 1000 per request), got " + batchSize);
        }
        if (keepDeliveredDays < 1) {
            throw new IllegalArgumentException("yizhan.sync.keep-delivered-days must be at least 1, got " + keepDeliveredDays);
        }
    }
}

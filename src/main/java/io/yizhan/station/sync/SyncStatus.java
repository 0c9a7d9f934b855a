package io.yizhan.station.sync;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The truth about sync: whether central answered the last attempt, how many events wait and the age
 * of the oldest, when central last acknowledged, how many are quarantined, the last error, and
 * whether the station has been cut off longer than the alarm allows.
 */
public record SyncStatus(boolean online, long pending, long oldestPendingSeconds, @Nullable Instant lastSuccessAt, long quarantined,
                         @Nullable String lastError, boolean alarm) {
}

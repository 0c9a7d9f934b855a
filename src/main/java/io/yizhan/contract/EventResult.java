package io.yizhan.contract;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Central's answer for one event: {@code ACCEPTED} (stored now), {@code DUPLICATE} (stored before,
 * same body: the first answer replayed, no second effect), {@code REJECTED} (invalid, or the same
 * id with a different body; {@code reason} says why) or {@code HELD} (not stored because an earlier
 * event of the same aggregate in this batch was rejected: per-aggregate order is kept). A station
 * marks delivered only ACCEPTED and DUPLICATE, quarantines REJECTED and keeps HELD pending.
 */
public record EventResult(UUID id, Status status, @Nullable String reason) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED, HELD }

    public boolean delivered() {
        return status == Status.ACCEPTED || status == Status.DUPLICATE;
    }
}

package io.yizhan.contract;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Central's answer for one event: {@code ACCEPTED} (stored), {@code REJECTED} (invalid, or the same
 * id with a different body; {@code reason} says why) or {@code HELD} (not stored because an earlier
 * event of the same aggregate in this batch was rejected: per-aggregate order is kept). An event id
 * sent again with the same body gets the first answer replayed — ACCEPTED — with
 * {@code replayed = true}, and has no second effect. A station marks delivered only ACCEPTED,
 * quarantines REJECTED and keeps HELD pending.
 */
public record EventResult(UUID id, Status status, @Nullable String reason, boolean replayed) {

    public enum Status { ACCEPTED, REJECTED, HELD }

    public EventResult(UUID id, Status status, @Nullable String reason) {
        this(id, status, reason, false);
    }

    public boolean delivered() {
        return status == Status.ACCEPTED;
    }
}

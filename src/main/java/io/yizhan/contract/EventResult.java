package io.yizhan.contract;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Central's answer for one event: {@code ACCEPTED} (stored now), {@code DUPLICATE} (stored before,
 * same body: the first answer replayed, no second effect) or {@code REJECTED} (invalid, or the same
 * id with a different body; {@code reason} says why). A station marks delivered only ACCEPTED and
 * DUPLICATE and quarantines REJECTED.
 */
public record EventResult(UUID id, Status status, @Nullable String reason) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    public boolean delivered() {
        return status != Status.REJECTED;
    }
}

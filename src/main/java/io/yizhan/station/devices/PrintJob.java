package io.yizhan.station.devices;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A job in the persistent print queue, as {@code GET /api/print-jobs} shows it: {@code id, device,
 * document, state, attempts, createdAt} (and the last error, for staff).
 */
public record PrintJob(UUID id, String device, String document, State state, int attempts, Instant createdAt,
                       @Nullable Reason lastError) {

    public enum State {
        /** waiting for the printer (new, or retrying after a failure). */
        QUEUED,
        PRINTED,
        CANCELLED
    }
}

package io.yizhan.station.inventory;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A stock move as staff or the API ask for it. {@code quantity} in pieces or grams, positive (for
 * {@code ADJUST} the signed difference); {@code from} and {@code to} are locations (货位), a missing
 * batch on an outgoing move takes the batch that expires first (FEFO); {@code reason} is required for
 * {@code WRITE_OFF} (a {@link WriteOffReason}).
 */
public record MoveRequest(MoveType type, String sku, @Nullable String batch, @Nullable LocalDate producedOn, @Nullable LocalDate expiresOn,
                          @Nullable String from, @Nullable String to, long quantity, @Nullable Long costFen, @Nullable String reason) {
}

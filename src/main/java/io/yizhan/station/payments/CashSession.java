package io.yizhan.station.payments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A cash drawer session of one counter terminal: opened with a float, every cash movement of every
 * service belongs to it, closed with a blind count. {@code expectedCashFen} is the float plus every
 * movement (live while open, fixed at the close); {@code differenceFen = countedFen − expectedCashFen}.
 */
public record CashSession(UUID id, String terminal, String openedBy, Instant openedAt, long floatFen, long expectedCashFen,
                          @Nullable String closedBy, @Nullable Instant closedAt, @Nullable Long countedFen, @Nullable Long differenceFen,
                          @Nullable String note) {

    public boolean open() {
        return closedAt == null;
    }
}

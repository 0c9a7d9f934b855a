package io.yizhan.station.inventory;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Stock was received, moved, adjusted, written off or returned by staff (sales report their own moves
 * through the sales events). {@code quantity} in pieces or grams, signed for {@code ADJUST}.
 */
public record StockMoved(UUID eventId, UUID moveId, String type, String sku, String owner, String batch, @Nullable String fromLocation,
                         @Nullable String toLocation, long quantity, @Nullable String reason, String clerk, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return moveId;
    }
}

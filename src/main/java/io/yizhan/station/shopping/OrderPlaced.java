package io.yizhan.station.shopping;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** An order was placed for a resident (no personal data): its number, total and status at placing. */
public record OrderPlaced(UUID eventId, UUID orderId, String orderNo, long totalFen, String status, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}

package io.yizhan.station.shopping;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** An order's money went back to the resident (all of it, or an after-sales amount). */
public record OrderRefunded(UUID eventId, UUID orderId, String orderNo, long amountFen, String reason, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}

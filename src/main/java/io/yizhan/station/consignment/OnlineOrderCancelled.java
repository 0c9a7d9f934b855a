package io.yizhan.station.consignment;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** The station cannot fill a platform order (the goods were gone, or spoiled before shipping): the platform refunds the buyer. */
public record OnlineOrderCancelled(UUID eventId, UUID orderId, String reason, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}

package io.yizhan.station.shopping;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** The resident picked up an order's parcel. */
public record OrderReceived(UUID eventId, UUID orderId, String orderNo, UUID parcelId, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}

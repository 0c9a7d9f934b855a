package io.yizhan.station.shopping;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** An order's parcel was checked in at the station. */
public record OrderArrived(UUID eventId, UUID orderId, String orderNo, UUID parcelId, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}

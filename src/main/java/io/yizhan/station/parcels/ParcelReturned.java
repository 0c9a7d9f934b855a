package io.yizhan.station.parcels;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** A parcel went back to its courier (overdue, or refused). Published in the transaction that recorded it. */
public record ParcelReturned(UUID eventId, UUID parcelId, String courier, String terminal, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return parcelId;
    }
}

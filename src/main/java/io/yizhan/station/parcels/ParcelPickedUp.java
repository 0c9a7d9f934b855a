package io.yizhan.station.parcels;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** A parcel left with its owner or a proxy. Published in the transaction that recorded it. */
public record ParcelPickedUp(UUID eventId, UUID parcelId, boolean byProxy, String terminal, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return parcelId;
    }
}

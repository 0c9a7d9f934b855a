package io.yizhan.station.parcels;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** The courier collected a sent parcel. Published in the transaction that recorded it. */
public record ParcelCollected(UUID eventId, UUID parcelId, String waybill, String courier, String terminal, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return parcelId;
    }
}

package io.yizhan.station.parcels;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** A parcel was received into the station. Published in the transaction that stored it. */
public record ParcelCheckedIn(UUID eventId, UUID parcelId, String waybill, String courier, String pickupCode,
                              String terminal, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return parcelId;
    }
}

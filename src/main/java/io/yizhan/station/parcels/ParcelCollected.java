package io.yizhan.station.parcels;

import java.time.Instant;
import java.util.UUID;

/** The courier collected a sent parcel. Published in the transaction that recorded it. */
public record ParcelCollected(UUID eventId, UUID parcelId, String waybill, String courier, String terminal, Instant at) {
}

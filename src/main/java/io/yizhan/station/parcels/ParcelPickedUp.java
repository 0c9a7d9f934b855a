package io.yizhan.station.parcels;

import java.time.Instant;
import java.util.UUID;

/** A parcel left with its owner or a proxy. Published in the transaction that recorded it. */
public record ParcelPickedUp(UUID eventId, UUID parcelId, boolean byProxy, String terminal, Instant at) {
}

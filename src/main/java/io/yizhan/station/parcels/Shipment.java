package io.yizhan.station.parcels;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A parcel sent from the station (寄件): AWAITING_COLLECTION until the courier collects it.
 * Phones are masked (null once erased).
 */
public record Shipment(UUID id, String waybill, String courier, String senderName, @Nullable String senderPhone,
                       String recipientName, @Nullable String recipientPhone, String province, String address, long grams,
                       long chargeableKg, long priceFen, ParcelStatus status, Instant createdAt, @Nullable Instant collectedAt) {
}

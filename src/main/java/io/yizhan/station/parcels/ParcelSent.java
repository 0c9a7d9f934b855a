package io.yizhan.station.parcels;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A parcel was sent: paid at the counter ({@code paymentId}), or billed to a platform order (no
 * payment); waybill printed, awaiting collection. Published in the transaction that stored it.
 */
public record ParcelSent(UUID eventId, UUID parcelId, String waybill, String courier, String province, long grams, long priceFen,
                         @Nullable UUID paymentId, String terminal, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return parcelId;
    }
}

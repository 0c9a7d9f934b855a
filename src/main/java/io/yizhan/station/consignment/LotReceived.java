package io.yizhan.station.consignment;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** A consignor's produce was taken in: the lot, whose it is (the consignor's id), what, how much (grams or pieces) and at what price. */
public record LotReceived(UUID eventId, UUID lotId, String lotNo, UUID consignorId, String productCode, String unit, long quantity, long unitPriceFen,
                          Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return lotId;
    }
}

package io.yizhan.station.bills;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** A phone was topped up (the number masked); published in the transaction that recorded it. */
public record TopUpCompleted(UUID eventId, UUID billId, String orderNo, String carrier, String phoneMasked, long amountFen, String writeOffRef, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return billId;
    }
}

package io.yizhan.station.bills;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** A bill was written off (the account masked); published in the transaction that recorded it. */
public record BillPaid(UUID eventId, UUID billId, String orderNo, String kind, String accountMasked, long amountFen, String writeOffRef, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return billId;
    }
}

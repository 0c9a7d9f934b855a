package io.yizhan.station.bills;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** A bill payment or top-up that was not written off was refunded in full to its original method. */
public record BillRefunded(UUID eventId, UUID billId, String orderNo, String kind, String accountMasked, long amountFen, String reason, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return billId;
    }
}

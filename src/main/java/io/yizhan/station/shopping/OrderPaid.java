package io.yizhan.station.shopping;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** A resident paid for an order; published in the transaction that recorded it. */
public record OrderPaid(UUID eventId, UUID orderId, String orderNo, long amountFen, UUID paymentId, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}

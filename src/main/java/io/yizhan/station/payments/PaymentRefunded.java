package io.yizhan.station.payments;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** A refund was paid out (cash handed over, or the channel finished it). Published in that transaction. */
public record PaymentRefunded(UUID eventId, UUID paymentId, UUID refundId, long amountFen, String method, String reason, Instant at)
        implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}

package io.yizhan.station.payments;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment succeeded: cash taken, or a payment code charged ({@code method} {@code CODE},
 * {@code channel} the wallet). Published in the transaction that recorded the success.
 */
public record PaymentTaken(UUID eventId, UUID paymentId, long amountFen, String method, String purpose, Instant at, String channel)
        implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return paymentId;
    }
}

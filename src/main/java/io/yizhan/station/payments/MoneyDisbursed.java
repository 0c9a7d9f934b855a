package io.yizhan.station.payments;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The station paid money out that is not a refund (a consignor's payout). Published in that transaction. */
public record MoneyDisbursed(UUID eventId, UUID disbursementId, long amountFen, String method, String purpose, @Nullable String reference,
                             Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return disbursementId;
    }
}

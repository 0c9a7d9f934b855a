package io.yizhan.station.payments;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** A counter's drawer was counted and its session closed (日结). Published in the closing transaction. */
public record CashSessionClosed(UUID eventId, UUID sessionId, String terminal, Instant openedAt, long floatFen, long expectedCashFen,
                                long countedFen, long differenceFen, String closedBy, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return sessionId;
    }
}

package io.yizhan.station.sales;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Goods of a sale came back: which (pieces or grams), what is refunded (fen), and why. */
public record SaleReturned(UUID eventId, UUID saleId, UUID returnId, long amountFen, List<SaleCompleted.Line> lines, String reason, Instant at)
        implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return saleId;
    }
}

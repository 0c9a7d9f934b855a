package io.yizhan.station.sales;

import io.yizhan.station.inventory.StockPart;
import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Goods of a sale came back: which (pieces or grams), what is refunded (fen), why, and whose stock
 * they went back to ({@code returned}).
 */
public record SaleReturned(UUID eventId, UUID saleId, UUID returnId, long amountFen, List<SaleCompleted.Line> lines, List<StockPart> returned,
                           String reason, Instant at) implements OutboundEvent {

    public SaleReturned {
        lines = List.copyOf(lines);
        returned = List.copyOf(returned);
    }

    @Override
    public UUID aggregateId() {
        return saleId;
    }
}

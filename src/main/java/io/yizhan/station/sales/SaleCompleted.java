package io.yizhan.station.sales;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sale was paid: its lines (pieces or grams, fen), total and payment. */
public record SaleCompleted(UUID eventId, UUID saleId, long totalFen, String method, UUID paymentId, List<Line> lines, String terminal, Instant at)
        implements OutboundEvent {

    public record Line(String sku, long quantity, long amountFen) {
    }

    @Override
    public UUID aggregateId() {
        return saleId;
    }
}

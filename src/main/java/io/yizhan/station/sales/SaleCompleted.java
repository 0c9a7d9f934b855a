package io.yizhan.station.sales;

import io.yizhan.station.inventory.StockPart;
import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sale was paid: its lines (pieces or grams, fen), total and payment, and whose stock it took
 * ({@code taken}: a consignor's lot or the station's, per SKU).
 */
public record SaleCompleted(UUID eventId, UUID saleId, long totalFen, String method, UUID paymentId, List<Line> lines, List<StockPart> taken,
                            String terminal, Instant at) implements OutboundEvent {

    public SaleCompleted {
        lines = List.copyOf(lines);
        taken = List.copyOf(taken);
    }

    public record Line(String sku, long quantity, long amountFen) {
    }

    @Override
    public UUID aggregateId() {
        return saleId;
    }
}

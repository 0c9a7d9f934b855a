package io.yizhan.station.sales;

import io.yizhan.station.inventory.Unit;
import org.springframework.data.relational.core.mapping.Table;

/** A line of a sale: pieces or grams, the price per piece or kg, what the line costs, and how much came back. */
@Table("sales_line")
public record SaleLine(String sku, String name, Unit unit, long quantity, long unitPriceFen, long amountFen, long returnedQuantity) {

    /** What returning {@code more} (after what came back already) refunds: the split adds up to the line's amount exactly. */
    public long refundFor(long more) {
        return share(returnedQuantity + more) - share(returnedQuantity);
    }

    private long share(long q) {
        return q >= quantity ? amountFen : Unit.roundHalfUp(Math.multiplyExact(amountFen, q), quantity);
    }
}

package io.yizhan.station.inventory;

/**
 * One SKU at one location in a stocktake: the system quantity when the location was first counted,
 * what was counted, the difference (counted − system) and its value at the SKU's price (fen).
 */
public record StocktakeLine(String sku, String name, String spec, Unit unit, String location, long systemQuantity, long countedQuantity,
                            long differenceValueFen) {

    public long difference() {
        return countedQuantity - systemQuantity;
    }
}

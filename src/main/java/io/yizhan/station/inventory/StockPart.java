package io.yizhan.station.inventory;

/**
 * Part of a sale's goods by whose stock it was: a SKU, its owner ({@link Stock#STATION} or a
 * consignor's id), batch (a consignment lot's number) and quantity (pieces or grams).
 */
public record StockPart(String sku, String owner, String batch, long quantity) {
}

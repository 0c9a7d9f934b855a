package io.yizhan.station.consignment;

import io.yizhan.station.inventory.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A lot as taken in: its number, consignor, product, the SKU it sells as, quantity (grams or pieces), price, origin, harvest date and labels. */
public record Lot(UUID id, String lotNo, UUID consignorId, String productName, String grade, Unit unit, String sku, String shortCode, long quantity,
                  long unitPriceFen, String origin, LocalDate harvestedOn, List<String> labelBarcodes, Instant receivedAt) {

    public Lot {
        labelBarcodes = List.copyOf(labelBarcodes);
    }
}

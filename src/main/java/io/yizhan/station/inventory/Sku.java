package io.yizhan.station.inventory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A good the station sells (an aggregate with its barcodes): SKU code, 5-digit short code (店内码),
 * name, spec, unit, price in fen (per piece or per kg), purchase cost (values stock), category,
 * pinyin initials of the name, and the warning threshold (pieces or grams).
 */
@Table("inventory_sku")
public record Sku(@Id String sku, @Version @Nullable Long version, String shortCode, String name, String spec, Unit unit, long priceFen,
                  @Nullable Long costFen, String category, String pinyin, long threshold,
                  @MappedCollection(idColumn = "sku", keyColumn = "position") List<SkuBarcode> barcodes, Instant createdAt, Instant updatedAt) {

    public Sku {
        barcodes = List.copyOf(barcodes);
    }

    public List<String> barcodeList() {
        return barcodes.stream().map(SkuBarcode::barcode).toList();
    }

    /** "¥12.50/件" or "¥8.00/千克" style price per unit for labels and screens. */
    public String pricePerUnit(String perPiece, String perKg) {
        return io.yizhan.station.shared.Money.yuan(priceFen) + "/" + (unit == Unit.KG ? perKg : perPiece);
    }
}

package io.yizhan.station.inventory;

import org.springframework.data.relational.core.mapping.Table;

/** One of a good's barcodes (GTIN-8 or GTIN-13, check digit verified; or the station's own 20-prefixed code). */
@Table("inventory_barcode")
public record SkuBarcode(String barcode) {
}

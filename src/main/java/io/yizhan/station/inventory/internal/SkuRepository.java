package io.yizhan.station.inventory.internal;

import io.yizhan.station.inventory.Sku;
import org.springframework.data.repository.ListCrudRepository;

/** Goods as aggregates with their barcodes; lookups by barcode and search are plain SQL in {@code Goods}. */
public interface SkuRepository extends ListCrudRepository<Sku, String> {
}

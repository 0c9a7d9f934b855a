package io.yizhan.station.inventory;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What is on hand of one SKU for one owner, batch and location (pieces or grams; '' batch or location: none given). */
public record StockLevel(UUID id, String sku, String owner, String batch, String location, @Nullable LocalDate producedOn,
                         @Nullable LocalDate expiresOn, long quantity) {
}

package io.yizhan.station.inventory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A good as staff enter it: a blank {@code shortCode} gets the next free one; prices in fen (per
 * piece, or per kg for {@code KG} goods); the threshold in pieces or grams.
 */
public record SkuDraft(String sku, @Nullable String shortCode, String name, String spec, Unit unit, long priceFen, @Nullable Long costFen,
                       String category, List<String> barcodes, long threshold) {

    public SkuDraft {
        barcodes = List.copyOf(barcodes);
    }
}

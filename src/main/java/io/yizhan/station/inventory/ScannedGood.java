package io.yizhan.station.inventory;

import org.jspecify.annotations.Nullable;

/**
 * A good read from a code: the SKU, and for a variable-measure label the quantity it carries (grams,
 * or 1 piece) and, for a price-embedded label, the amount printed on it, which the line charges
 * exactly.
 */
public record ScannedGood(Sku sku, @Nullable Long quantity, @Nullable Long amountFen, String code) {

    public boolean variableMeasure() {
        return quantity != null;
    }
}

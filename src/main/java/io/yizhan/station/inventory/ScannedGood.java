package io.yizhan.station.inventory;

import org.jspecify.annotations.Nullable;

/**
 * A good read from a code: the SKU, and for a variable-measure label the quantity it carries (grams,
 * or 1 piece) and, for a price-embedded label, the amount printed on it, which the line charges
 * exactly. A price-embedded label of a weighed good carries its weight only to within rounding:
 * {@code toleranceGrams} says by how much the grams derived from its price can be off.
 */
public record ScannedGood(Sku sku, @Nullable Long quantity, @Nullable Long amountFen, String code, long toleranceGrams) {

    public ScannedGood(Sku sku, @Nullable Long quantity, @Nullable Long amountFen, String code) {
        this(sku, quantity, amountFen, code, 0);
    }

    public boolean variableMeasure() {
        return quantity != null;
    }
}

package io.yizhan.station.sales;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sale as the counter or the API asks for it: lines by barcode (a variable-measure label carries its
 * own weight or price) or SKU code with a quantity (pieces or grams; a piece good defaults to one),
 * paid by {@code CASH} (with the cash tendered) or {@code CODE} (the resident's payment code). The same
 * {@code idempotencyKey} again returns the same sale.
 */
public record SaleRequest(List<Line> lines, String method, @Nullable String authCode, @Nullable Long tenderedFen, String idempotencyKey) {

    public SaleRequest {
        lines = List.copyOf(lines);
    }

    public record Line(@Nullable String barcode, @Nullable String sku, @Nullable Long quantity) {
    }

    @Override
    public String toString() {
        return "SaleRequest[" + lines.size() + " lines, " + method + ", key " + idempotencyKey + "]";
    }
}

package io.yizhan.station.inventory.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yizhan.inventory.*}: how many days ahead a batch counts as near expiry
 * ({@code near-expiry-days}); the safety-stock suggestion's replenishment lead time and buffer in
 * days of average sales over {@code sales-window-days}; and the variable-measure barcode layouts
 * ({@code variable-measure}), one per prefix like Odoo's barcode nomenclature, since local scales
 * differ. Each layout is the 2-digit prefix, the item code's digits (the SKU's short code), what the
 * value embeds ({@code PRICE} in fen or {@code WEIGHT} in grams) and its digits; with the check digit
 * they make 13.
 */
@ConfigurationProperties("yizhan.inventory")
public record InventoryProperties(@DefaultValue("7") int nearExpiryDays, @DefaultValue("3") int leadTimeDays,
                                  @DefaultValue("2") int bufferDays, @DefaultValue("28") int salesWindowDays,
                                  List<Layout> variableMeasure) {

    public InventoryProperties {
        variableMeasure = variableMeasure == null || variableMeasure.isEmpty()
                ? List.of(new Layout("28", 5, Embeds.PRICE, 5), new Layout("29", 5, Embeds.WEIGHT, 5))
                : List.copyOf(variableMeasure);
        for (Layout l : variableMeasure) {
            if (!l.prefix().matches("2[0-9]") || l.itemDigits() < 4 || l.valueDigits() < 4 || 2 + l.itemDigits() + l.valueDigits() + 1 != 13) {
                throw new IllegalArgumentException("yizhan.inventory.variable-measure: prefix 20-29, item and value digits adding up to 10: " + l);
            }
        }
        if (nearExpiryDays < 0 || leadTimeDays < 0 || bufferDays < 0 || salesWindowDays < 1) {
            throw new IllegalArgumentException("yizhan.inventory: days must not be negative");
        }
    }

    public enum Embeds { PRICE, WEIGHT }

    public record Layout(String prefix, @DefaultValue("5") int itemDigits, Embeds embeds, @DefaultValue("5") int valueDigits) {
    }
}

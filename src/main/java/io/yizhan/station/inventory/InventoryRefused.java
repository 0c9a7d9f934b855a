package io.yizhan.station.inventory;

import io.yizhan.station.shared.CodedRefusal;
import org.jspecify.annotations.Nullable;

/**
 * A stock, goods or sales request refused: {@link #code()} is stable for programs
 * ({@code OUT_OF_STOCK}, {@code UNKNOWN_BARCODE}, {@code BAD_BARCODE}, {@code BAD_QUANTITY} …),
 * {@link #httpStatus()} the API's answer, {@link #sku()} the good it is about (when one is), the
 * message key says why to people.
 */
public class InventoryRefused extends CodedRefusal {

    private final @Nullable String sku;

    public InventoryRefused(String code, int httpStatus, String messageKey, @Nullable String sku, Object... args) {
        super(code, httpStatus, messageKey, args);
        this.sku = sku;
    }

    public InventoryRefused(String code, int httpStatus, String messageKey) {
        this(code, httpStatus, messageKey, null);
    }

    public static InventoryRefused outOfStock(String sku, String name) {
        return new InventoryRefused("OUT_OF_STOCK", 409, "inventory.error.out-of-stock", sku, name);
    }

    public @Nullable String sku() {
        return sku;
    }
}

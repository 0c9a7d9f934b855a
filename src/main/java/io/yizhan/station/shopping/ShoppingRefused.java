package io.yizhan.station.shopping;

import io.yizhan.station.shared.CodedRefusal;
import org.jspecify.annotations.Nullable;

/**
 * An assisted-buying request refused: {@link #code()} for programs ({@code OUT_OF_STOCK},
 * {@code CONSENT_REQUIRED}, {@code RESERVATION_EXPIRED} …), the message key for people, and the
 * product concerned where there is one.
 */
public class ShoppingRefused extends CodedRefusal {

    private final @Nullable String productId;

    public ShoppingRefused(String code, int httpStatus, String messageKey, Object... args) {
        this(null, code, httpStatus, messageKey, args);
    }

    public ShoppingRefused(@Nullable String productId, String code, int httpStatus, String messageKey, Object... args) {
        super(code, httpStatus, messageKey, args);
        this.productId = productId;
    }

    public @Nullable String productId() {
        return productId;
    }
}

package io.yizhan.station.inventory.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.shared.ApiError;
import io.yizhan.station.shared.Translations;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A goods, stock or sales refusal answers the same from every API: {@code {code, message}} in the
 * request's language, with the SKU it is about in {@code sku} (e.g. {@code OUT_OF_STOCK}).
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class InventoryRefusals {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StockError(String code, String message, @Nullable String sku) {
    }

    @ExceptionHandler(InventoryRefused.class)
    ResponseEntity<StockError> refused(InventoryRefused e, HttpServletRequest request) {
        return ResponseEntity.status(e.httpStatus())
                .body(new StockError(e.code(), Translations.translate(e.messageKey(), ApiError.locale(request), e.args()), e.sku()));
    }
}

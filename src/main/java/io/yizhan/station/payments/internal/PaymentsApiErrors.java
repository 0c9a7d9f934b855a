package io.yizhan.station.payments.internal;

import io.yizhan.station.shared.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A body that is not the JSON the payments APIs read: {@code 400 BAD_REQUEST}, in the request's language. */
@RestControllerAdvice(basePackageClasses = PaymentsApiErrors.class)
class PaymentsApiErrors {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpServletRequest request) {
        return ResponseEntity.badRequest().body(ApiError.of("BAD_REQUEST", "api.error.bad-request", request));
    }
}

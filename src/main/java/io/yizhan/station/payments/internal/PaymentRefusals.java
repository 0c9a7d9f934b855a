package io.yizhan.station.payments.internal;

import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.shared.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A payment refusal answers the same from every API that takes money (payments, sending, cash on
 * delivery, later sales and bills): its code and status unchanged, so a client handles them once.
 */
@RestControllerAdvice
class PaymentRefusals {

    @ExceptionHandler(PaymentRefused.class)
    ResponseEntity<ApiError> refused(PaymentRefused e, HttpServletRequest request) {
        return ResponseEntity.status(e.httpStatus()).body(ApiError.of(e.code(), e.messageKey(), request));
    }
}

package io.yizhan.station.shared.internal;

import io.yizhan.station.shared.ApiError;
import io.yizhan.station.shared.CodedRefusal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The station APIs' common errors, answered the same everywhere: a refusal with its code and status
 * (payments, sales, inventory, consignment — every service passes them through unchanged), and a body
 * that is not the JSON an API reads ({@code 400 BAD_REQUEST}); {@code {code, message}} in the
 * request's language. Last in line: a module's own, more specific handler comes first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(CodedRefusal.class)
    ResponseEntity<ApiError> refused(CodedRefusal e, HttpServletRequest request) {
        return ResponseEntity.status(e.httpStatus()).body(ApiError.of(e.code(), e.messageKey(), request, e.args()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpServletRequest request) {
        return ResponseEntity.badRequest().body(ApiError.of("BAD_REQUEST", "api.error.bad-request", request));
    }
}

package io.yizhan.station.shared.internal;

import io.yizhan.station.shared.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An API path nobody serves answers 404 in the API's JSON error format, never a UI page. */
@RestController
class ApiNotFound {

    @RequestMapping("/api/**")
    ResponseEntity<ApiError> notFound(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("NOT_FOUND", "api.error.not-found", request));
    }
}

package io.yizhan.station.payments;

import io.yizhan.station.shared.CodedRefusal;

/**
 * A payment, refund or cash operation refused: {@link #code()} is stable for programs and passed
 * through unchanged by every service that takes money ({@code BAD_AUTH_CODE}, {@code LIMIT_EXCEEDED},
 * {@code SECOND_CHECK_REQUIRED}, {@code TENDERED_TOO_LOW}, {@code IDEMPOTENCY_KEY_REUSED},
 * {@code TERMINAL_REQUIRED}, {@code BAD_AMOUNT}, {@code NOT_FOUND}, …), {@link #httpStatus()} the
 * API's answer, the message key says why to people.
 */
public class PaymentRefused extends CodedRefusal {

    public PaymentRefused(String code, int httpStatus, String messageKey) {
        super(code, httpStatus, messageKey);
    }
}

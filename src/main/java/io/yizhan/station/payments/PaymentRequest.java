package io.yizhan.station.payments;

import org.jspecify.annotations.Nullable;

/**
 * What a caller asks to be paid: {@code method} {@code CASH} (with the cash tendered, if counted) or
 * {@code CODE} (with the payment code scanned from the resident's phone). The same
 * {@code idempotencyKey} again returns the first payment and never charges twice.
 */
public record PaymentRequest(long amountFen, String purpose, String method, @Nullable String authCode, @Nullable Long tenderedFen,
                             String idempotencyKey) {

    @Override
    public String toString() {
        // the auth code is a bearer credential for the resident's wallet: never in a log
        return "PaymentRequest[" + amountFen + " fen, " + purpose + ", " + method + ", key " + idempotencyKey + "]";
    }
}

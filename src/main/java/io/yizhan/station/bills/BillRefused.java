package io.yizhan.station.bills;

import io.yizhan.station.shared.CodedRefusal;

/**
 * A bill payment, top-up or query refused: {@link #code()} for programs ({@code BAD_ACCOUNT},
 * {@code NO_ARREARS}, {@code ALREADY_PAID}, {@code AMOUNT_MISMATCH}, {@code CENTRAL_UNREACHABLE} …),
 * the message key for people.
 */
public class BillRefused extends CodedRefusal {

    public BillRefused(String code, int httpStatus, String messageKey, Object... args) {
        super(code, httpStatus, messageKey, args);
    }
}

package io.yizhan.station.consignment;

import io.yizhan.station.shared.CodedRefusal;

/**
 * A consignment request refused: {@link #code()} is stable for programs ({@code BAD_ID_NUMBER},
 * {@code DUPLICATE_CONSIGNOR}, {@code KEY_MISSING} …), {@link #httpStatus()} the API's answer, the
 * message key says why to people.
 */
public class ConsignmentRefused extends CodedRefusal {

    public ConsignmentRefused(String code, int httpStatus, String messageKey, Object... args) {
        super(code, httpStatus, messageKey, args);
    }
}

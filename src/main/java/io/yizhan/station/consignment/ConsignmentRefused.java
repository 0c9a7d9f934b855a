package io.yizhan.station.consignment;

import io.yizhan.station.shared.RefusedException;

/**
 * A consignment request refused: {@link #code()} is stable for programs ({@code BAD_ID_NUMBER},
 * {@code DUPLICATE_CONSIGNOR}, {@code KEY_MISSING} …), {@link #httpStatus()} the API's answer, the
 * message key says why to people.
 */
public class ConsignmentRefused extends RefusedException {

    private final String code;
    private final int httpStatus;

    public ConsignmentRefused(String code, int httpStatus, String messageKey) {
        super(messageKey);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}

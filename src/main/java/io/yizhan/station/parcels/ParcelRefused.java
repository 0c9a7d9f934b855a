package io.yizhan.station.parcels;

import io.yizhan.station.shared.RefusedException;

/**
 * A parcel operation refused: {@link #code()} is stable for programs (DUPLICATE_WAYBILL,
 * STATION_FULL, BAD_WAYBILL, BAD_PHONE, ALREADY_OUT, NOT_FOUND), the message key says why to people.
 */
public class ParcelRefused extends RefusedException {

    private final String code;

    public ParcelRefused(String code, String messageKey) {
        super(messageKey);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

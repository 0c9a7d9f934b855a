package io.yizhan.station.staff;

import io.yizhan.station.shared.RefusedException;

/** A staff-account change refused; {@link #messageKey()} says why in the user's language. */
public class StaffException extends RefusedException {

    public StaffException(String messageKey) {
        super(messageKey);
    }
}

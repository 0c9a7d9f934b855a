package io.yizhan.station.terminals;

import io.yizhan.station.shared.RefusedException;

/** Pairing refused; {@link #messageKey()} is a translation key that says why in the user's words. */
public class PairingException extends RefusedException {

    public PairingException(String messageKey) {
        super(messageKey);
    }
}

package io.yizhan.station.terminals;

/** Pairing refused; {@link #messageKey()} is a translation key that says why in the user's words. */
public class PairingException extends RuntimeException {

    private final String messageKey;

    public PairingException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}

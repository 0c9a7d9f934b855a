package io.yizhan.station.staff;

/** A staff-account change refused; {@link #messageKey()} says why in the user's language. */
public class StaffException extends RuntimeException {

    private final String messageKey;

    public StaffException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}

package io.yizhan.station.shared;

/**
 * A request the station refuses for a reason the user can fix: {@link #messageKey()} is the
 * translation key that says why, in the user's language. Modules extend it for their own refusals.
 */
public class RefusedException extends RuntimeException {

    private final String messageKey;

    public RefusedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}

package io.yizhan.station.shared;

/**
 * A refusal an API answers with a stable code and status: {@link #code()} for programs
 * ({@code OUT_OF_STOCK}, {@code BAD_ID_NUMBER} …), {@link #httpStatus()} for the answer, the message key
 * for people. Modules extend it for their own refusals.
 */
public abstract class CodedRefusal extends RefusedException {

    private final String code;
    private final int httpStatus;
    private final Object[] args;

    protected CodedRefusal(String code, int httpStatus, String messageKey, Object... args) {
        super(messageKey);
        this.code = code;
        this.httpStatus = httpStatus;
        this.args = args.clone();
    }

    /** The message's parameters (a good's name, a balance …). */
    public Object[] args() {
        return args.clone();
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}

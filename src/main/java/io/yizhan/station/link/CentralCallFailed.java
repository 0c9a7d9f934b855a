package io.yizhan.station.link;

/**
 * A call to central that gave no usable answer. {@link #mayHaveArrived()} is false only when the
 * request surely never reached central (no connection, or the station key refused), so its effect
 * surely did not happen; otherwise central may have acted on it and the caller must ask (query)
 * before deciding, never send it again blindly.
 */
public class CentralCallFailed extends Exception {

    private final boolean mayHaveArrived;

    public CentralCallFailed(boolean mayHaveArrived, String message) {
        super(message);
        this.mayHaveArrived = mayHaveArrived;
    }

    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}

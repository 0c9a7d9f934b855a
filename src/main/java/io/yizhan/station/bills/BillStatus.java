package io.yizhan.station.bills;

/**
 * Where a bill payment stands: {@code CREATED} → {@code PAID} (or {@code ACCEPTED_OFFLINE}, cash taken
 * while central was away) → {@code SUBMITTED} → {@code SUCCEEDED}; or {@code FAILED} → {@code REFUNDED}.
 * {@code UNKNOWN}: the write-off was sent and its answer lost — settled by asking central, never by
 * sending it again. {@code CANCELLED}: never paid (the payment code failed, or the resident left).
 */
public enum BillStatus {
    CREATED, PAID, ACCEPTED_OFFLINE, SUBMITTED, UNKNOWN, SUCCEEDED, FAILED, REFUNDED, CANCELLED;

    /** Nothing more will happen to it by itself. */
    public boolean finished() {
        return this == SUCCEEDED || this == REFUNDED || this == CANCELLED;
    }
}

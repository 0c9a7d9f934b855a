package io.yizhan.station.payments;

/**
 * Where a payment stands. {@code PENDING}: the channel has not said yet (the resident may be typing
 * the password, or an answer was lost); it always ends in one of the others. {@code REVOKED} also
 * covers a trade the channel closed. A succeeded payment may later be partly or fully refunded.
 */
public enum PaymentStatus {
    PENDING, SUCCEEDED, FAILED, REVOKED, PARTIALLY_REFUNDED, REFUNDED;

    /** True when the money was taken (refunds included). */
    public boolean paid() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}

package io.yizhan.station.shopping;

/**
 * Where an assisted-buying order stands (contract): {@code DRAFT} (kept while central is away),
 * {@code REVIEW} (the manager decides), {@code REJECTED}, {@code RESERVED} (stock held until a time),
 * {@code PAID}, {@code SHIPPED}, {@code ARRIVED} (its parcel is on the shelf), {@code RECEIVED},
 * {@code COMPLETED}, {@code CANCELLED}, {@code EXPIRED}, {@code AFTER_SALES}, {@code REFUNDED}.
 */
public enum OrderStatus {
    DRAFT, REVIEW, REJECTED, RESERVED, PAID, SHIPPED, ARRIVED, RECEIVED, COMPLETED, CANCELLED, EXPIRED, AFTER_SALES, REFUNDED;

    /** Still open at the counter: not finished, cancelled, expired or refunded. */
    public boolean open() {
        return this != COMPLETED && this != CANCELLED && this != EXPIRED && this != REJECTED && this != REFUNDED;
    }
}

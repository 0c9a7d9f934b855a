package io.yizhan.station.sales;

/**
 * Where a sale stands: {@code PENDING} while its code payment is open (its stock held),
 * {@code PAID}, {@code CANCELLED} (the payment failed: stock back), {@code PARTIALLY_RETURNED} or
 * {@code RETURNED}.
 */
public enum SaleStatus {
    PAID, PENDING, CANCELLED, PARTIALLY_RETURNED, RETURNED
}

package io.yizhan.contract;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Assisted-buying orders between a station and central. The station's order number is the
 * idempotency key: placing the same number again answers with the order as it stands.
 */
public final class ShopOrders {

    /** Where a station places an order; {@code /{orderNo}/approve}, {@code /cancel} and {@code /paid} below it. */
    public static final String PATH = "/api/sync/shop/orders";

    /** One line: the product, how many, and the price (fen) the resident was shown. */
    public record Line(String productId, long quantity, long priceFen) {
    }

    /** An order to place; {@code review} holds the reservation without a deadline until the station approves it. */
    public record Place(String orderNo, List<Line> lines, boolean review) {
    }

    /** A payment the station took for a reserved order. */
    public record Paid(String paymentRef, long amountFen) {
    }

    /** Why the station cancels (a rejected review, the resident said no). */
    public record Cancel(String reason) {
    }

    /**
     * Central's answer. {@code status}: {@code REVIEW}, {@code RESERVED}, {@code PAID}, {@code SHIPPED},
     * {@code ARRIVED}, {@code RECEIVED}, {@code COMPLETED}, {@code CANCELLED}, {@code EXPIRED}; or, with
     * nothing stored, {@code OUT_OF_STOCK} / {@code UNKNOWN_PRODUCT} (with {@code productId}),
     * {@code PRICE_CHANGED} (with today's {@code lines}), {@code AMOUNT_MISMATCH}.
     */
    public record Answer(String orderNo, String status, @Nullable String productId, @Nullable Instant reservedUntil, long totalFen,
                         long discountFen, ShopOffer.@Nullable Applied offer, List<Line> lines) {
    }

    /** A change of an order's state on the station's {@code shop-orders} feed. */
    public record Change(String orderNo, String status, @Nullable Instant reservedUntil, @Nullable String courier, @Nullable String waybill,
                         Instant at, @Nullable String afterSalesId, @Nullable String note) {

        /** {@code AFTER_SALES_APPROVED} / {@code AFTER_SALES_REJECTED}: central decided the station's after-sales request. */
        public static final String AFTER_SALES_APPROVED = "AFTER_SALES_APPROVED";
        public static final String AFTER_SALES_REJECTED = "AFTER_SALES_REJECTED";
    }

    private ShopOrders() {
    }
}

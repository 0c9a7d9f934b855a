package io.yizhan.station.payments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Cash into (positive) or out of (negative) one drawer session: {@code kind} {@code PAYMENT},
 * {@code REFUND}, {@code PAY_IN}, {@code PAY_OUT} or {@code DISBURSEMENT}; {@code service} what it
 * was for (e.g. {@code PARCEL_COD}, {@code PARCEL_SEND}, {@code COUNTER}).
 */
public record CashMovement(UUID id, UUID sessionId, String kind, long amountFen, @Nullable UUID paymentId, String service,
                           @Nullable String reason, String clerk, Instant at) {
}

package io.yizhan.station.sales;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Goods of a sale brought back: what is refunded, why, and the refund (to the original method) once
 * it was asked for; {@code refundStatus} is the refund's status then, or {@code REFUSED:…} when the
 * payment could not refund it (staff settle that by hand).
 */
public record SaleReturn(UUID id, UUID saleId, @Nullable UUID refundId, @Nullable String refundStatus, long amountFen, String reason,
                         String clerk, Instant at) {
}

package io.yizhan.station.payments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Money given back for a payment, to its original method. {@code status}: {@code PENDING} (a code
 * refund central accepted but has not finished — accepted is not done), {@code SUCCEEDED},
 * {@code FAILED} (with {@code failReason}), or {@code AWAITING_HANDOVER} (cash to hand over at a
 * counter when the resident comes).
 */
public record Refund(UUID id, UUID paymentId, long amountFen, String method, String status, String reason, @Nullable String failReason,
                     String clerk, @Nullable String approvedBy, String terminal, Instant createdAt) {
}

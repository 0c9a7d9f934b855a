package io.yizhan.station.bills;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One bill payment or top-up (an aggregate): its order number (central's idempotency key), what was
 * paid (the account sealed, shown masked), what the biller said (holder masked, period, amount), how
 * it was paid and where it stands, the write-off's reference, and why it failed.
 */
@Table("bill_payment")
public record BillPayment(@Id UUID id, @Version @Nullable Long version, String orderNo, String idempotencyKey, String requestSha256, BillKind kind,
                          @Nullable String accountSealed, String accountMasked, @Nullable String liveKey, @Nullable String billerName,
                          @Nullable String holderMasked, @Nullable String period, @Nullable String carrier, long amountFen, BillStatus status,
                          String channel, String method, @Nullable UUID paymentId, @Nullable String paymentKey, @Nullable UUID refundId,
                          @Nullable String writeOffRef, @Nullable String failCode, @Nullable String note, @Nullable String resolvedBy, String clerk,
                          String terminal, Instant createdAt, Instant updatedAt, @Nullable Instant submittedAt, @Nullable Instant queryAfter,
                          @Nullable Instant finishedAt) {

    @Override
    public String toString() {
        return "BillPayment[" + orderNo + ", " + kind + ", " + accountMasked + ", " + amountFen + ", " + status + "]";
    }
}

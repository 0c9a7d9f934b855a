package io.yizhan.station.shopping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order placed for a resident (an aggregate with its lines): its number and the receipt's check
 * code, the resident, delivery, totals with the single offer applied, the reservation's deadline,
 * the review, the consent (how, when, at which terminal), the payment, and the parcel it came in.
 * The home address is sealed; the resident's phone lives with the resident.
 */
@Table("shopping_order")
public record ShopOrder(@Id UUID id, @Version @Nullable Long version, String orderNo, String checkCode, String idempotencyKey, UUID residentId,
                        OrderStatus status, String delivery, @Nullable String addressSealed, long totalFen, long discountFen,
                        @Nullable String offerKind, @Nullable String offerText, @Nullable Instant reservedUntil, @Nullable String reviewReasons,
                        @Nullable String reviewedBy, @Nullable String reviewNote, @Nullable String consentHow, @Nullable Instant consentAt,
                        @Nullable String consentTerminal, @Nullable UUID paymentId, @Nullable String paymentKey, boolean paidConfirmed,
                        @Nullable String courier, @Nullable String waybill, @Nullable UUID parcelId, String placedBy, String terminal,
                        Instant createdAt, Instant updatedAt, @Nullable Instant receivedAt, @Nullable Instant completedAt, long refundedFen,
                        @MappedCollection(idColumn = "shopping_order", keyColumn = "line_no") List<Line> lines) {

    public ShopOrder {
        lines = List.copyOf(lines);
    }

    @Table("shopping_order_line")
    public record Line(String productId, String name, long quantity, long priceFen) {

        public long amountFen() {
            return quantity * priceFen;
        }
    }

    /** What the lines come to before the offer. */
    public long grossFen() {
        return lines.stream().mapToLong(Line::amountFen).sum();
    }

    public boolean consented() {
        return consentAt != null;
    }

    /** What the receipt's QR code holds and the kiosk scanner reads: {@code YZO:<orderNo>:<checkCode>}. */
    public String receiptCode() {
        return "YZO:" + orderNo + ":" + checkCode;
    }
}

package io.yizhan.station.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A counter sale with its lines (an aggregate): total, how it was paid ({@code CASH} or {@code CODE})
 * and the payment, where it stands, what was returned (fen), who sold it where and when; a manager's
 * name when they allowed selling below zero.
 */
@Table("sales_sale")
public record Sale(@Id UUID id, @Version @Nullable Long version, SaleStatus status, long totalFen, String method, @Nullable UUID paymentId,
                   String paymentKey, String idempotencyKey, String requestSha256, long returnedFen, @Nullable String belowZeroBy, String clerk,
                   String terminal, Instant createdAt, Instant updatedAt,
                   @MappedCollection(idColumn = "sale", keyColumn = "line_no") List<SaleLine> lines) {

    public Sale {
        lines = List.copyOf(lines);
    }
}

package io.yizhan.station.shopping;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A resident asked for after-sales on an order: the type ({@code REFUND}, {@code RETURN},
 * {@code EXCHANGE}, {@code REPAIR}), the reason, the lines, the amount, and whether the station's
 * rules approved it at once ({@code APPROVED}) or central decides ({@code PENDING}).
 */
public record AfterSalesRequested(UUID eventId, UUID orderId, String orderNo, UUID afterSalesId, String type, String reason, long amountFen,
                                  String status, List<Line> lines, Instant at) implements OutboundEvent {

    public record Line(String productId, long quantity) {
    }

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}

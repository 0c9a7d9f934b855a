package io.yizhan.station.consignment;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Goods of a lot were sold ({@code returnId} null) or came back from a sale (quantity and amounts
 * negative): the lot's part of the sale, its commission under the lot's rule for the channel and the
 * consignor's share (share + commission = amount).
 */
public record LotSold(UUID eventId, UUID lotId, String lotNo, UUID consignorId, UUID saleId, @Nullable UUID returnId, String channel, long quantity,
                      long amountFen, long commissionFen, long shareFen, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return lotId;
    }
}

package io.yizhan.station.consignment;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/** The station shipped a platform order: the waybill, the courier, and what sending cost the station (billed to the platform order). */
public record OnlineOrderShipped(UUID eventId, UUID orderId, String waybill, String courier, long sendingCostFen, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return orderId;
    }
}

package io.yizhan.station.consignment;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consignor was paid out: how much, how (CASH, BANK, WECHAT, with the transfer's reference) and the disbursement that paid it. */
public record ConsignorPaid(UUID eventId, UUID payoutId, UUID consignorId, long amountFen, String method, @Nullable String reference,
                            UUID disbursementId, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return consignorId;
    }
}

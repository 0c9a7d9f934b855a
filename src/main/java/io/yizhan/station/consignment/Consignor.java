package io.yizhan.station.consignment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A consignor as screens and the API show them: their consignor number (寄售编号), numbers only masked
 * (null once erased), the payout method, proxy, contract terms, and when and by whom their consent
 * was recorded.
 */
public record Consignor(UUID id, long accountNo, String name, @Nullable String phoneMasked, @Nullable String idMasked, PayoutMethod payoutMethod,
                        @Nullable String payoutAccountMasked, @Nullable String proxyName, int commissionCounterPct, int commissionOnlinePct,
                        int periodDays, EndAction endAction, @Nullable Long floorPriceFen, Instant consentAt, String consentBy, Instant createdAt,
                        @Nullable Instant erasedAt) {
}

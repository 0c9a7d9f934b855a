package io.yizhan.contract;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Central's answer about one trade (to pay, query and reverse). {@code status}: {@code SUCCESS},
 * {@code USERPAYING} (the resident is typing the password), {@code FAILED} (with {@code errorCode}
 * {@code NOTENOUGH} or {@code AUTHCODEEXPIRE}), {@code CLOSED}, {@code REVOKED}, {@code REFUNDED},
 * {@code PARTIALLY_REFUNDED}, {@code NOTFOUND}, or {@code UNKNOWN} ({@code errorCode}
 * {@code SYSTEMERROR}: the channel did not say; ask again with a query, never pay again).
 */
public record GatewayTrade(String outTradeNo, @Nullable String channel, long amountFen, String status, long refundedFen,
                           @Nullable String channelTradeNo, @Nullable String errorCode, @Nullable String message,
                           @Nullable Instant paidAt) {

    public static final String TRADES = "/api/gateway/trades/";

    /** True when the resident's money was taken (refunds included). */
    public boolean paid() {
        return status.equals("SUCCESS") || status.equals("REFUNDED") || status.equals("PARTIALLY_REFUNDED");
    }
}

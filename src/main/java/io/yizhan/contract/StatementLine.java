package io.yizhan.contract;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a station's daily statement, in the shape of the channels' bill files: a trade
 * ({@code status} {@code SUCCESS}, {@code outRefundNo} null) or a refund ({@code status}
 * {@code REFUND}, {@code refundFen} the amount returned). {@code tradeTime} is when the money moved.
 */
public record StatementLine(Instant tradeTime, String channel, String channelTradeNo, String outTradeNo, String status, long amountFen,
                            @Nullable String outRefundNo, long refundFen, long feeFen) {

    /** {@code GET} with {@code ?date=yyyy-MM-dd}, a day in central's zone. */
    public static final String PATH = "/api/gateway/statement";
}

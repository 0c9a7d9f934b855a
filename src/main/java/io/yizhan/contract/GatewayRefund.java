package io.yizhan.contract;

import org.jspecify.annotations.Nullable;

/**
 * Central's answer about a refund: {@code PROCESSING} (accepted, not yet done: ask again),
 * {@code SUCCESS}, {@code FAILED} (with {@code errorCode}) or {@code NOTFOUND}.
 */
public record GatewayRefund(String outTradeNo, String outRefundNo, long amountFen, String status, @Nullable String errorCode,
                            @Nullable String message) {
}

package io.yizhan.contract;

/** A station asks for (part of) a trade back. The same {@code outRefundNo} again never refunds twice. */
public record GatewayRefundRequest(String outTradeNo, String outRefundNo, long amountFen, String reason) {

    public static final String PATH = "/api/gateway/refunds";
}

package io.yizhan.contract;

/**
 * A station asks central to charge a payment code (付款码). {@code outTradeNo} is the station's
 * number for this attempt (up to 32 letters, digits, {@code _} or {@code -}); sending the same one
 * again never charges twice.
 */
public record GatewayPay(String outTradeNo, String authCode, long amountFen, String description) {

    public static final String PATH = "/api/gateway/pay";
}

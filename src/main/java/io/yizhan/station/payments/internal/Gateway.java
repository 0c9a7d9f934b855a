package io.yizhan.station.payments.internal;

import io.yizhan.contract.GatewayPay;
import io.yizhan.contract.GatewayRefund;
import io.yizhan.contract.GatewayRefundRequest;
import io.yizhan.contract.GatewayTrade;
import io.yizhan.station.link.CentralCallFailed;
import io.yizhan.station.link.CentralLink;
import org.springframework.stereotype.Component;

/**
 * Central's payment gateway as the station calls it, each call waiting at most
 * {@code yizhan.payments.call-timeout}. A {@link CentralCallFailed} that may have arrived is an
 * unknown result: the caller asks (query) before deciding.
 */
@Component
class Gateway {

    private final CentralLink central;
    private final PaymentsProperties rules;

    Gateway(CentralLink central, PaymentsProperties rules) {
        this.central = central;
        this.rules = rules;
    }

    GatewayTrade pay(String outTradeNo, String authCode, long amountFen, String description) throws CentralCallFailed {
        return central.post(GatewayPay.PATH, new GatewayPay(outTradeNo, authCode, amountFen, description), GatewayTrade.class,
                rules.callTimeout());
    }

    GatewayTrade query(String outTradeNo) throws CentralCallFailed {
        return central.get(GatewayTrade.TRADES + outTradeNo, GatewayTrade.class, rules.callTimeout());
    }

    GatewayTrade reverse(String outTradeNo) throws CentralCallFailed {
        return central.post(GatewayTrade.TRADES + outTradeNo + "/reverse", "", GatewayTrade.class, rules.callTimeout());
    }

    GatewayRefund refund(String outTradeNo, String outRefundNo, long amountFen, String reason) throws CentralCallFailed {
        return central.post(GatewayRefundRequest.PATH, new GatewayRefundRequest(outTradeNo, outRefundNo, amountFen, reason),
                GatewayRefund.class, rules.callTimeout());
    }

    GatewayRefund queryRefund(String outRefundNo) throws CentralCallFailed {
        return central.get(GatewayRefundRequest.PATH + "/" + outRefundNo, GatewayRefund.class, rules.callTimeout());
    }
}

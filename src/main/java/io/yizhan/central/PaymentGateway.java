package io.yizhan.central;

import io.yizhan.contract.GatewayPay;
import io.yizhan.contract.GatewayRefund;
import io.yizhan.contract.GatewayRefundRequest;
import io.yizhan.contract.GatewayTrade;
import io.yizhan.contract.StatementLine;
import java.time.LocalDate;
import java.util.List;

/**
 * The payment channels (WeChat Pay, Alipay) as central sees them: central holds the merchant
 * credentials, stations call it with their station key. Every operation is per station: a station
 * sees and touches only its own trades.
 */
public interface PaymentGateway {

    /** Charges a payment code. The same trade number again answers about the first trade, never charges twice. */
    GatewayTrade pay(String station, GatewayPay request);

    GatewayTrade query(String station, String outTradeNo);

    /** 撤销: ends a trade — an unpaid one is closed, a paid one given back; an unknown number can never pay later. */
    GatewayTrade reverse(String station, String outTradeNo);

    GatewayRefund refund(String station, GatewayRefundRequest request);

    GatewayRefund queryRefund(String station, String outRefundNo);

    /** The day's money movements (successful trades and refunds), in the shape of the channels' bill files. */
    List<StatementLine> statement(String station, LocalDate day);

    /** Every trade the station started that day, for operators. */
    List<GatewayTrade> transactions(String station, LocalDate day);
}

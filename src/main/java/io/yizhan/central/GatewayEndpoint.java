package io.yizhan.central;

import io.yizhan.contract.GatewayPay;
import io.yizhan.contract.GatewayRefund;
import io.yizhan.contract.GatewayRefundRequest;
import io.yizhan.contract.GatewayTrade;
import io.yizhan.contract.StatementLine;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment gateway as stations call it (their station key, {@code ROLE_STATION}); each station
 * reaches only its own trades. Operators list a station's day at
 * {@code GET /api/central/gateway/transactions?station=&date=}.
 */
@RestController
class GatewayEndpoint {

    /** An operator's view of one trade. */
    record Transaction(String outTradeNo, String channel, long amountFen, String status, long refundedFen) {
    }

    private final PaymentGateway gateway;

    GatewayEndpoint(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping(GatewayPay.PATH)
    GatewayTrade pay(@RequestBody GatewayPay request, Principal station) {
        return gateway.pay(station.getName(), request);
    }

    @GetMapping(GatewayTrade.TRADES + "{outTradeNo}")
    GatewayTrade query(@PathVariable String outTradeNo, Principal station) {
        return gateway.query(station.getName(), outTradeNo);
    }

    @PostMapping(GatewayTrade.TRADES + "{outTradeNo}/reverse")
    GatewayTrade reverse(@PathVariable String outTradeNo, Principal station) {
        return gateway.reverse(station.getName(), outTradeNo);
    }

    @PostMapping(GatewayRefundRequest.PATH)
    GatewayRefund refund(@RequestBody GatewayRefundRequest request, Principal station) {
        return gateway.refund(station.getName(), request);
    }

    @GetMapping(GatewayRefundRequest.PATH + "/{outRefundNo}")
    GatewayRefund queryRefund(@PathVariable String outRefundNo, Principal station) {
        return gateway.queryRefund(station.getName(), outRefundNo);
    }

    @GetMapping(StatementLine.PATH)
    List<StatementLine> statement(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Principal station) {
        return gateway.statement(station.getName(), date);
    }

    @GetMapping("/api/central/gateway/transactions")
    List<Transaction> transactions(@RequestParam String station, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return gateway.transactions(station, date).stream()
                .map(t -> new Transaction(t.outTradeNo(), t.channel() == null ? "" : t.channel(), t.amountFen(), t.status(), t.refundedFen()))
                .toList();
    }
}

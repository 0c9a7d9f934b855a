package io.yizhan.central;

import io.yizhan.contract.ShopOrders;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assisted-buying orders as stations place and pay them ({@code ROLE_STATION}), and as the
 * operator ships them ({@code ROLE_OPERATOR}). A station sees only its own orders.
 */
@RestController
class ShopEndpoint {

    record Ship(String courier, String waybill) {
    }

    private final CentralShop shop;

    ShopEndpoint(CentralShop shop) {
        this.shop = shop;
    }

    @PostMapping(ShopOrders.PATH)
    ShopOrders.Answer place(@RequestBody ShopOrders.Place place, Principal station) {
        return shop.place(station.getName(), place);
    }

    @GetMapping(ShopOrders.PATH + "/{orderNo}")
    ResponseEntity<ShopOrders.Answer> get(@PathVariable String orderNo, Principal station) {
        return ResponseEntity.of(shop.answer(station.getName(), orderNo));
    }

    @PostMapping(ShopOrders.PATH + "/{orderNo}/approve")
    ShopOrders.Answer approve(@PathVariable String orderNo, Principal station) {
        return shop.approve(station.getName(), orderNo);
    }

    @PostMapping(ShopOrders.PATH + "/{orderNo}/cancel")
    ShopOrders.Answer cancel(@PathVariable String orderNo, Principal station) {
        return shop.cancel(station.getName(), orderNo);
    }

    @PostMapping(ShopOrders.PATH + "/{orderNo}/paid")
    ShopOrders.Answer paid(@PathVariable String orderNo, @RequestBody ShopOrders.Paid paid, Principal station) {
        return shop.paid(station.getName(), orderNo, paid);
    }

    /** The operator marks an order shipped: {@code 409 ALREADY_SHIPPED} the second time. */
    @PostMapping("/api/central/orders/{orderNo}/ship")
    ShopOrders.Answer ship(@PathVariable String orderNo, @RequestBody Ship ship) {
        String courier = ship.courier() == null ? "" : ship.courier().strip();
        String waybill = ship.waybill() == null ? "" : ship.waybill().strip().toUpperCase(java.util.Locale.ROOT);
        if (courier.isEmpty() || courier.length() > 20 || !waybill.matches("[A-Z0-9-]{8,32}")) {
            throw new CentralShop.Refused("BAD_SHIPMENT", "快递公司和运单号（8–32位字母数字）Give the courier and a waybill of 8–32 letters and digits");
        }
        return shop.ship(orderNo, courier, waybill);
    }

    record Decision(boolean approved, @org.jspecify.annotations.Nullable String reason) {
    }

    /** The operator decides a pending after-sales request ({@code 409 NOT_PENDING} when it was decided already). */
    @PostMapping("/api/central/after-sales/{id}/decide")
    ResponseEntity<?> decide(@PathVariable java.util.UUID id, @RequestBody Decision decision) {
        if (!decision.approved() && (decision.reason() == null || decision.reason().isBlank())) {
            throw new CentralShop.Refused("BAD_DECISION", "拒绝要写明原因 A rejection needs a reason");
        }
        if (!shop.decideAfterSales(id, decision.approved(), decision.reason())) {
            throw new CentralShop.Refused("NOT_PENDING", "这个售后申请已处理 The request was decided already");
        }
        return ResponseEntity.ok(shop.afterSales(id).orElseThrow());
    }

    /** After-sales requests waiting for the operator. */
    @GetMapping("/api/central/after-sales")
    java.util.List<CentralShop.AfterSalesCase> pending() {
        return shop.pendingAfterSales();
    }

    @ExceptionHandler(CentralShop.Refused.class)
    ResponseEntity<Map<String, String>> refused(CentralShop.Refused e) {
        int status = switch (e.code()) {
            case "NOT_FOUND" -> 404;
            case "BAD_ORDER", "BAD_QUANTITY", "BAD_SHIPMENT", "BAD_DECISION" -> 400;
            default -> 409;
        };
        return ResponseEntity.status(status).body(Map.of("code", e.code(), "message", e.getMessage()));
    }
}

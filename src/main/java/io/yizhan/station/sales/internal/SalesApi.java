package io.yizhan.station.sales.internal;

import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.sales.Sale;
import io.yizhan.station.sales.SaleRequest;
import io.yizhan.station.sales.SaleReturn;
import io.yizhan.station.sales.Sales;
import io.yizhan.station.staff.AuditLog;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sales API (staff, HTTP Basic, JSON, errors {@code {code, message}}; {@code OUT_OF_STOCK} names
 * the SKU in {@code sku}; payment refusals pass through unchanged). A caller without a paired counter
 * names it in {@code X-Terminal}. {@code allowBelowZero} is honoured for a manager only.
 */
@RestController
class SalesApi {

    private final Sales sales;
    private final Payments payments;
    private final AuditLog audit;

    SalesApi(Sales sales, Payments payments, AuditLog audit) {
        this.sales = sales;
        this.payments = payments;
        this.audit = audit;
    }

    record LineIn(@Nullable String barcode, @Nullable String sku, @Nullable Long quantity) {
    }

    record PaymentIn(@Nullable String method, @Nullable String authCode, @Nullable Long tenderedFen) {

        @Override
        public String toString() {
            return "PaymentIn[" + method + "]";
        }
    }

    record SaleIn(@Nullable List<LineIn> lines, @Nullable PaymentIn payment, @Nullable String idempotencyKey, @Nullable Boolean allowBelowZero) {
    }

    record LineOut(String sku, String name, long quantity, long unitPriceFen, long amountFen) {
    }

    record SaleOut(UUID id, long totalFen, @Nullable UUID paymentId, String status, List<LineOut> lines) {

        static SaleOut of(Sale s) {
            return new SaleOut(s.id(), s.totalFen(), s.paymentId(), s.status().name(),
                    s.lines().stream().map(l -> new LineOut(l.sku(), l.name(), l.quantity(), l.unitPriceFen(), l.amountFen())).toList());
        }
    }

    @PostMapping("/api/sales")
    ResponseEntity<SaleOut> sell(@RequestBody SaleIn in) {
        PaymentIn pay = in.payment() == null ? new PaymentIn(null, null, null) : in.payment();
        List<SaleRequest.Line> lines = in.lines() == null ? List.of()
                : in.lines().stream().map(l -> new SaleRequest.Line(l.barcode(), l.sku(), l.quantity())).toList();
        String belowZeroBy = Boolean.TRUE.equals(in.allowBelowZero()) && payments.callerIsManager() ? audit.currentActor() : null;
        Sales.Sold sold = sales.sell(new SaleRequest(lines, pay.method() == null ? "" : pay.method(), pay.authCode(), pay.tenderedFen(),
                in.idempotencyKey() == null ? "" : in.idempotencyKey()), belowZeroBy, null);
        return ResponseEntity.status(sold.created() ? HttpStatus.CREATED : HttpStatus.OK).body(SaleOut.of(sold.sale()));
    }

    @GetMapping("/api/sales/{id}")
    SaleOut get(@PathVariable UUID id) {
        return SaleOut.of(sales.find(id).orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "sales.error.not-found")));
    }

    record ReturnLineIn(@Nullable String sku, @Nullable Long quantity) {
    }

    record ReturnIn(@Nullable List<ReturnLineIn> lines, @Nullable String reason, @Nullable String idempotencyKey) {
    }

    record ReturnOut(UUID id, @Nullable UUID refundId, long amountFen, @Nullable String refundStatus) {

        static ReturnOut of(SaleReturn r) {
            return new ReturnOut(r.id(), r.refundId(), r.amountFen(), r.refundStatus());
        }
    }

    @PostMapping("/api/sales/{id}/returns")
    ResponseEntity<ReturnOut> returnGoods(@PathVariable UUID id, @RequestBody ReturnIn in) {
        List<Sales.ReturnLine> lines = in.lines() == null ? List.of()
                : in.lines().stream().map(l -> new Sales.ReturnLine(l.sku() == null ? "" : l.sku(), l.quantity() == null ? 0 : l.quantity())).toList();
        Sales.Returned r = sales.returnGoods(id, lines, in.reason() == null ? "" : in.reason(), in.idempotencyKey() == null ? "" : in.idempotencyKey(),
                null);
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(ReturnOut.of(r.saleReturn()));
    }
}

package io.yizhan.station.shopping.internal;

import io.yizhan.station.shared.ApiError;
import io.yizhan.station.shopping.AfterSales;
import io.yizhan.station.shopping.Catalog;
import io.yizhan.station.shopping.ShopOrder;
import io.yizhan.station.shopping.Shopping;
import io.yizhan.station.shopping.ShoppingRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Assisted buying for staff (HTTP Basic): the catalog, orders, consent by signed slip, payment. */
@RestController
class ShoppingApi {

    record Item(String productId, String groupId, String name, long priceFen, String pictureUrl, long stock) {
    }

    record CatalogPage(List<Item> items, long total) {
    }

    record Offer(String kind, String description, long discountFen) {
    }

    record Placed(UUID id, String orderNo, String status, long totalFen, long discountFen, @Nullable Offer offer, @Nullable Instant reservedUntil) {
    }

    record Order(UUID id, String orderNo, String status, long totalFen, @Nullable String waybill, @Nullable UUID parcelId) {
    }

    record Consent(@Nullable String how) {
    }

    record Refusal(String code, String message, @Nullable String productId) {
    }

    private final Catalog catalog;
    private final Shopping shopping;

    private final AfterSales afterSales;

    ShoppingApi(Catalog catalog, Shopping shopping, AfterSales afterSales) {
        this.afterSales = afterSales;
        this.catalog = catalog;
        this.shopping = shopping;
    }

    @GetMapping("/api/shopping/catalog")
    CatalogPage catalog(@RequestParam(required = false) @Nullable String category, @RequestParam(required = false) @Nullable String q,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Catalog.Page p = catalog.page(category, q, Math.max(0, page), Math.clamp(size, 1, 100));
        return new CatalogPage(p.items().stream().map(i -> new Item(i.productId(), i.groupId(), i.fullName(), i.priceFen(), i.pictureUrl(), i.stock()))
                .toList(), p.total());
    }

    @PostMapping("/api/shopping/orders")
    ResponseEntity<Placed> place(@RequestBody Shopping.OrderRequest request) {
        Shopping.Placed placed = shopping.place(request);
        return ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(placed(placed.order()));
    }

    @GetMapping("/api/shopping/orders/{id}")
    Order order(@PathVariable UUID id) {
        ShopOrder o = shopping.find(id);
        return new Order(o.id(), o.orderNo(), o.status().name(), o.totalFen(), o.waybill(), o.parcelId());
    }

    /** Orders for staff: the one with this number, or the open and recent ones. */
    @GetMapping("/api/shopping/orders")
    List<Order> orders(@RequestParam(required = false) @Nullable String orderNo) {
        return (orderNo == null ? shopping.recent() : shopping.byOrderNo(orderNo).map(List::of).orElse(List.of())).stream()
                .map(o -> new Order(o.id(), o.orderNo(), o.status().name(), o.totalFen(), o.waybill(), o.parcelId())).toList();
    }

    @PostMapping("/api/shopping/orders/{id}/consent")
    Placed consent(@PathVariable UUID id, @RequestBody Consent consent) {
        return placed(shopping.consent(id, consent.how()));
    }

    @PostMapping("/api/shopping/orders/{id}/pay")
    Placed pay(@PathVariable UUID id, @RequestBody Shopping.PayRequest request) {
        return placed(shopping.pay(id, request));
    }

    record AfterSalesCase(UUID id, String status) {
    }

    /** {@code 201 {id, status}}: {@code APPROVED} by the station's rules (refunded at once where money goes back) or {@code PENDING} for central. */
    @PostMapping("/api/shopping/orders/{id}/after-sales")
    ResponseEntity<AfterSalesCase> afterSales(@PathVariable UUID id, @RequestBody AfterSales.Request request) {
        AfterSales.Case c = afterSales.request(id, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(new AfterSalesCase(c.id(), c.status().equals("PENDING") ? "PENDING" : "APPROVED"));
    }

    private static Placed placed(ShopOrder o) {
        return new Placed(o.id(), o.orderNo(), o.status().name(), o.totalFen(), o.discountFen(),
                o.offerKind() == null ? null : new Offer(o.offerKind(), String.valueOf(o.offerText()), o.discountFen()), o.reservedUntil());
    }

    /** A refusal with the product concerned, where there is one ({@code 409 OUT_OF_STOCK} names it in {@code productId}). */
    @ExceptionHandler(ShoppingRefused.class)
    ResponseEntity<Refusal> refused(ShoppingRefused e, HttpServletRequest request) {
        ApiError error = ApiError.of(e.code(), e.messageKey(), request, e.args());
        return ResponseEntity.status(e.httpStatus()).body(new Refusal(error.code(), error.message(), e.productId()));
    }
}

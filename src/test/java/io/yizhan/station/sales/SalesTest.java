package io.yizhan.station.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.inventory.Barcodes;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.MoveRequest;
import io.yizhan.station.inventory.MoveType;
import io.yizhan.station.inventory.Sku;
import io.yizhan.station.inventory.SkuDraft;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.PaymentStatus;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Cash sales at counter-1: lines from barcodes, SKU codes and variable-measure labels, stock taken in
 * the sale's transaction, change, idempotency, the last unit at two counters, selling below zero
 * only with a manager, and returns with their refunds that add up to what was paid.
 */
@StationTest
class SalesTest {

    @Autowired
    Sales sales;
    @Autowired
    Goods goods;
    @Autowired
    Stock stock;
    @Autowired
    Payments payments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityContextHolderStrategy security;

    @BeforeEach
    void atCounter() {
        SignedIn.as(security, "clerk", Role.CLERK);
        AtCounter.bind("counter-1");
    }

    @AfterEach
    void leave() {
        AtCounter.unbind();
        SignedIn.out(security);
    }

    static String unique() {
        return "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String gtin() {
        return Barcodes.withCheckDigit("69" + String.format("%010d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 10_000_000_000L));
    }

    Sku stocked(String name, Unit unit, long priceFen, long quantity, String... barcodes) {
        Sku sku = goods.save(new SkuDraft(unique(), null, name, "", unit, priceFen, null, "", List.of(barcodes), 0));
        if (quantity > 0) {
            stock.move(new MoveRequest(MoveType.RECEIVE, sku.sku(), "B", null, null, null, "A-01", quantity, null, null));
        }
        return sku;
    }

    static SaleRequest cash(Long tendered, SaleRequest.Line... lines) {
        return new SaleRequest(List.of(lines), "CASH", null, tendered, UUID.randomUUID().toString());
    }

    @Test
    void aCashSaleTakesStockPaymentAndChangeTogether() {
        String barcode = gtin();
        Sku soap = stocked("肥皂", Unit.PIECE, 450, 10, barcode);
        Sku apple = stocked("苹果", Unit.KG, 880, 20_000);
        String label = Barcodes.withCheckDigit("28" + apple.shortCode() + "01100");
        Sales.Sold sold = sales.sell(cash(5_000L, new SaleRequest.Line(barcode, null, 2L), new SaleRequest.Line(label, null, null),
                new SaleRequest.Line(null, apple.sku(), 500L)), null, null);
        Sale sale = sold.sale();
        assertThat(sale.status()).isEqualTo(SaleStatus.PAID);
        assertThat(sale.lines()).extracting(SaleLine::quantity, SaleLine::amountFen).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 900L), org.assertj.core.groups.Tuple.tuple(1_250L, 1_100L),
                org.assertj.core.groups.Tuple.tuple(500L, 440L));
        assertThat(sale.totalFen()).isEqualTo(2_440);
        Payment paid = payments.find(sale.paymentId()).orElseThrow();
        assertThat(paid.changeFen()).isEqualTo(2_560);
        assertThat(goods.onHand(soap.sku())).isEqualTo(8);
        assertThat(goods.onHand(apple.sku())).isEqualTo(20_000 - 1_750);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM devices_print_job WHERE document = 'sale-receipt' AND created_at >= ?")
                .param(java.time.OffsetDateTime.ofInstant(sale.createdAt(), java.time.ZoneOffset.UTC)).query(Long.class).single()).isPositive();
        assertThat(sales.sell(new SaleRequest(List.of(new SaleRequest.Line(barcode, null, 2L), new SaleRequest.Line(label, null, null),
                new SaleRequest.Line(null, apple.sku(), 500L)), "CASH", null, 5_000L, sale.idempotencyKey()), null, null))
                .satisfies(again -> {
                    assertThat(again.created()).isFalse();
                    assertThat(again.sale().id()).isEqualTo(sale.id());
                });
        assertThat(goods.onHand(soap.sku())).as("the same key sells once").isEqualTo(8);
        assertThatThrownBy(() -> sales.sell(new SaleRequest(List.of(new SaleRequest.Line(barcode, null, 1L)), "CASH", null, null, sale.idempotencyKey()),
                null, null)).extracting("code").isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void refusalsLeaveNothingBehind() {
        Sku tea = stocked("茶叶", Unit.PIECE, 2_000, 1);
        Sku rice = stocked("散米", Unit.KG, 600, 5_000);
        assertThatThrownBy(() -> sales.sell(cash(null, new SaleRequest.Line(null, tea.sku(), 2L)), null, null))
                .extracting("code", "sku").containsExactly("OUT_OF_STOCK", tea.sku());
        assertThatThrownBy(() -> sales.sell(cash(100L, new SaleRequest.Line(null, tea.sku(), 1L)), null, null))
                .extracting("code").isEqualTo("TENDERED_TOO_LOW");
        assertThatThrownBy(() -> sales.sell(cash(null, new SaleRequest.Line(null, rice.sku(), null)), null, null))
                .extracting("code").isEqualTo("WEIGHT_REQUIRED");
        assertThatThrownBy(() -> sales.sell(cash(null, new SaleRequest.Line("6901234567891", null, null)), null, null))
                .extracting("code").isEqualTo("BAD_BARCODE");
        assertThatThrownBy(() -> sales.sell(cash(null, new SaleRequest.Line(gtin(), null, null)), null, null))
                .extracting("code").isEqualTo("UNKNOWN_BARCODE");
        assertThatThrownBy(() -> sales.sell(cash(null), null, null)).extracting("code").isEqualTo("NO_LINES");
        assertThat(goods.onHand(tea.sku())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inventory_move WHERE sku = ? AND type = 'SALE'").param(tea.sku()).query(Long.class).single()).isZero();
        Sale below = sales.sell(cash(null, new SaleRequest.Line(null, tea.sku(), 3L)), "manager", null).sale();
        assertThat(below.belowZeroBy()).isEqualTo("manager");
        assertThat(goods.onHand(tea.sku())).isEqualTo(-2);
    }

    @Test
    void theLastUnitAtTwoCountersSellsOnce() throws Exception {
        Sku last = stocked("最后一瓶酱油", Unit.PIECE, 1_250, 1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String counter : List.of("counter-1", "counter-2")) {
            outcomes.add(pool.submit(() -> {
                SignedIn.as(security, "clerk", Role.CLERK);
                AtCounter.bind(counter);
                go.await();
                try {
                    return sales.sell(cash(null, new SaleRequest.Line(null, last.sku(), 1L)), null, null).sale().status().name();
                } catch (io.yizhan.station.inventory.InventoryRefused refused) {
                    return refused.code();
                } finally {
                    AtCounter.unbind();
                }
            }));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).containsExactlyInAnyOrder("PAID", "OUT_OF_STOCK");
        assertThat(goods.onHand(last.sku())).isZero();
    }

    @Test
    void returnsPutGoodsBackAndRefundWhatTheyCost() {
        Sku eggs = stocked("鸡蛋", Unit.PIECE, 100, 10);
        Sku pork = stocked("猪肉", Unit.KG, 2_990, 10_000);
        // 3 eggs at 100 with a 1,001 g cut of pork: the refunds of its parts add up to the line exactly
        Sale sale = sales.sell(cash(null, new SaleRequest.Line(null, eggs.sku(), 3L), new SaleRequest.Line(null, pork.sku(), 1_001L)), null, null)
                .sale();
        assertThat(sale.totalFen()).isEqualTo(300 + 2_993);
        assertThatThrownBy(() -> sales.returnGoods(sale.id(), List.of(new Sales.ReturnLine(eggs.sku(), 4)), "破了", UUID.randomUUID().toString(), null))
                .extracting("code").isEqualTo("RETURN_EXCEEDS_SALE");
        String key = UUID.randomUUID().toString();
        Sales.Returned first = sales.returnGoods(sale.id(), List.of(new Sales.ReturnLine(eggs.sku(), 1), new Sales.ReturnLine(pork.sku(), 333)),
                "破了一个", key, null);
        assertThat(first.saleReturn().amountFen()).isEqualTo(100 + 996); // 2,993 × 333 ÷ 1,001 = 995.67 → 996
        assertThat(first.saleReturn().refundStatus()).isEqualTo("SUCCEEDED");
        assertThat(sales.returnGoods(sale.id(), List.of(new Sales.ReturnLine(eggs.sku(), 1), new Sales.ReturnLine(pork.sku(), 333)), "破了一个", key,
                null).created()).isFalse();
        Sales.Returned rest = sales.returnGoods(sale.id(), List.of(new Sales.ReturnLine(eggs.sku(), 2), new Sales.ReturnLine(pork.sku(), 668)), "不要了",
                UUID.randomUUID().toString(), null);
        assertThat(first.saleReturn().amountFen() + rest.saleReturn().amountFen()).isEqualTo(sale.totalFen());
        Sale back = sales.find(sale.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(SaleStatus.RETURNED);
        assertThat(back.returnedFen()).isEqualTo(sale.totalFen());
        assertThat(payments.find(sale.paymentId()).orElseThrow().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(goods.onHand(eggs.sku())).isEqualTo(10);
        assertThat(goods.onHand(pork.sku())).isEqualTo(10_000);
        assertThatThrownBy(() -> sales.returnGoods(sale.id(), List.of(new Sales.ReturnLine(eggs.sku(), 1)), "再退", UUID.randomUUID().toString(), null))
                .extracting("code").isEqualTo("RETURN_NOT_ALLOWED");
    }
}

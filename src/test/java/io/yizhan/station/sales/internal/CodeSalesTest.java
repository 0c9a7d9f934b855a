package io.yizhan.station.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.MoveRequest;
import io.yizhan.station.inventory.MoveType;
import io.yizhan.station.inventory.Sku;
import io.yizhan.station.inventory.SkuDraft;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.payments.PaymentStatus;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.payments.internal.PendingPayments;
import io.yizhan.station.sales.Sale;
import io.yizhan.station.sales.SaleRequest;
import io.yizhan.station.sales.SaleStatus;
import io.yizhan.station.sales.Sales;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.WithCentral;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sales paid with a payment code against central's sandbox: paid at once, refused by the channel
 * (cancelled, stock back), waiting for the password (stock held, then paid by the background jobs),
 * and a sale a crash left without any payment (cancelled after the grace time, stock back).
 */
class CodeSalesTest extends WithCentral {

    @Autowired
    Sales sales;
    @Autowired
    Goods goods;
    @Autowired
    Stock stock;
    @Autowired
    Payments payments;
    @Autowired
    PendingPayments pendingPayments;
    @Autowired
    PendingSales pendingSales;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
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

    static String wechat(String ending) {
        return "13" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L)) + ending;
    }

    Sku stocked(long quantity) {
        Sku sku = goods.save(new SkuDraft("C" + UUID.randomUUID().toString().substring(0, 8), null, "洗洁精", "", Unit.PIECE, 990, null, "", List.of(), 0));
        stock.move(new MoveRequest(MoveType.RECEIVE, sku.sku(), "", null, null, null, "A-09", quantity, null, null));
        return sku;
    }

    Sale sell(Sku sku, long quantity, String code) {
        return sales.sell(new SaleRequest(List.of(new SaleRequest.Line(null, sku.sku(), quantity)), "CODE", code, null, UUID.randomUUID().toString()),
                null, null).sale();
    }

    @Test
    void paidAtOnce() {
        Sku sku = stocked(5);
        Sale sale = sell(sku, 2, wechat("00"));
        assertThat(sale.status()).isEqualTo(SaleStatus.PAID);
        assertThat(payments.find(sale.paymentId()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(goods.onHand(sku.sku())).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE aggregate_id = ? AND type = 'SaleCompleted'").param(sale.id().toString())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefusedCodeCancelsTheSaleAndPutsTheStockBack() {
        Sku sku = stocked(5);
        Sale sale = sell(sku, 2, wechat("03"));
        assertThat(sale.status()).isEqualTo(SaleStatus.CANCELLED);
        assertThat(goods.onHand(sku.sku())).isEqualTo(5);
        assertThatThrownBy(() -> sell(sku, 1, "12345")).extracting("code").isEqualTo("BAD_AUTH_CODE");
        assertThat(goods.onHand(sku.sku())).isEqualTo(5);
    }

    @Test
    void waitingForThePasswordHoldsTheStockUntilPaid() throws Exception {
        Sku sku = stocked(5);
        Sale sale = sell(sku, 4, wechat("01"));
        assertThat(sale.status()).isEqualTo(SaleStatus.PENDING);
        assertThat(goods.onHand(sku.sku())).as("held while pending").isEqualTo(1);
        assertThatThrownBy(() -> sell(sku, 2, wechat("00"))).extracting("code").isEqualTo("OUT_OF_STOCK");
        Thread.sleep(CONFIRM_AFTER_MS + 200);
        clock.advance(Duration.ofSeconds(5));
        pendingPayments.settleDue();
        pendingSales.settleDue();
        // on a loaded machine the in-JVM central may answer the query later than the tests' 1-second timeout: the job asks again
        for (int i = 0; i < 5 && sales.find(sale.id()).orElseThrow().status() == SaleStatus.PENDING; i++) {
            Thread.sleep(200);
            clock.advance(Duration.ofSeconds(6));
            pendingPayments.settleDue();
            pendingSales.settleDue();
        }
        assertThat(sales.find(sale.id()).orElseThrow().status()).isEqualTo(SaleStatus.PAID);
        assertThat(goods.onHand(sku.sku())).isEqualTo(1);
    }

    @Test
    void aSaleACrashLeftWithoutPaymentIsCancelledAfterTheGraceTime() {
        Sku sku = stocked(3);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // what a kill -9 between recording the sale and recording its payment leaves
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            INSERT INTO sales_sale (id, version, status, total_fen, method, payment_key, idempotency_key, request_sha256, clerk, terminal,
                                                    created_at, updated_at) VALUES (?, 0, 'PENDING', 1980, 'CODE', ?, ?, 'x', 'clerk', 'counter-1', ?, ?)""")
                    .params(id, "sale:" + id, UUID.randomUUID().toString(), now, now).update();
            jdbc.sql("INSERT INTO sales_line (sale, line_no, sku, name, unit, quantity, unit_price_fen, amount_fen) VALUES (?, 0, ?, '洗洁精', 'PIECE', 2, 990, 1980)")
                    .params(id, sku.sku()).update();
            stock.take(sku.sku(), 2, "sale:" + id, false);
        });
        pendingSales.settleDue();
        assertThat(sales.find(id).orElseThrow().status()).as("within the grace time it waits").isEqualTo(SaleStatus.PENDING);
        clock.advance(PendingSales.NO_PAYMENT_AFTER.plusSeconds(1));
        pendingSales.settleDue();
        assertThat(sales.find(id).orElseThrow().status()).isEqualTo(SaleStatus.CANCELLED);
        assertThat(goods.onHand(sku.sku())).isEqualTo(3);
    }

    @Test
    void aPaymentThatSucceedsForACancelledSaleIsRefunded() {
        Sku sku = stocked(2);
        Sale sale = sell(sku, 1, wechat("00"));
        // what a race with the crash job leaves: the sale cancelled (stock back), its payment paid
        jdbc.sql("UPDATE sales_sale SET status = 'CANCELLED' WHERE id = ?").param(sale.id()).update();
        pendingSales.settleDue();
        pendingSales.settleDue();
        assertThat(payments.find(sale.paymentId()).orElseThrow().refundedFen()).isEqualTo(sale.totalFen());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payments_refund WHERE payment_id = ?").param(sale.paymentId()).query(Long.class).single())
                .as("refunded once").isEqualTo(1);
    }
}

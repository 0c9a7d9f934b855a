package io.yizhan.station.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.ScannedGood;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.StockLevel;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.sales.Sale;
import io.yizhan.station.sales.SaleRequest;
import io.yizhan.station.sales.SaleStatus;
import io.yizhan.station.sales.Sales;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Intake: a lot of weighed bags and one of pieces, each label in the station's layouts (a bag above
 * ¥999.99 by weight), read back by the sales counter to the same weight and price; the stock owned
 * by the consignor; a label sold at the counter takes from that lot; the 合格证 only for covered
 * categories; and the refusals.
 */
@StationTest
class LotsTest {

    @Autowired
    Lots lots;
    @Autowired
    Consignors consignors;
    @Autowired
    Goods goods;
    @Autowired
    Stock stock;
    @Autowired
    Sales sales;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    io.yizhan.station.support.MutableClock clock;
    @Autowired
    io.yizhan.station.shared.StationTime time;

    /** The station's today: the shared test clock may have been moved on by other tests. */
    private LocalDate today() {
        return time.date(clock.instant());
    }

    Consignor farmer;

    @BeforeEach
    void atCounter() {
        SignedIn.as(security, "clerk", Role.CLERK);
        AtCounter.bind("counter-1");
        farmer = Farmers.register(consignors, "刘大爷", 10, 7, EndAction.RETURN, null);
    }

    @AfterEach
    void leave() {
        AtCounter.unbind();
        SignedIn.out(security);
    }

    private long jobs(String document) {
        return jdbc.sql("SELECT COUNT(*) FROM devices_print_job WHERE document = ?").param(document).query(Long.class).single();
    }

    @Test
    void weighedBagsBecomeALotOwnedByTheConsignorWithLabelsTheCounterReads() {
        long certificates = jobs("certificate");
        long receipts = jobs("intake-receipt");
        // ¥120.00/kg: 1,250 g is ¥150.00 (price-embedded); 9,000 g is ¥1,080.00, above ¥999.99, so weight-embedded
        Lot lot = lots.intake(new LotRequest(farmer.id(), "ORANGE-QC", "特级", null, List.of(1_250L, 9_000L), null, 12_000, "江西赣州",
                today().minusDays(1), CommitmentBasis.SELF_TESTED));
        assertThat(lot.quantity()).isEqualTo(10_250);
        assertThat(lot.labelBarcodes()).hasSize(2);
        assertThat(lot.labelBarcodes().get(0)).startsWith("28" + lot.shortCode() + "15000");
        assertThat(lot.labelBarcodes().get(1)).startsWith("29" + lot.shortCode() + "09000");
        ScannedGood bag = goods.read(lot.labelBarcodes().get(0));
        assertThat(bag.sku().sku()).isEqualTo(lot.sku());
        assertThat(bag.amountFen()).isEqualTo(15_000);
        assertThat(bag.quantity()).isEqualTo(1_250);
        ScannedGood big = goods.read(lot.labelBarcodes().get(1));
        assertThat(big.quantity()).isEqualTo(9_000);
        assertThat(big.amountFen()).isEqualTo(108_000);
        assertThat(stock.levels(lot.sku())).singleElement().satisfies(l -> {
            assertThat(l.owner()).isEqualTo(farmer.id().toString());
            assertThat(l.batch()).isEqualTo(lot.lotNo());
            assertThat(l.quantity()).isEqualTo(10_250);
        });
        assertThat(jobs("certificate")).as("oranges need a 合格证").isEqualTo(certificates + 1);
        assertThat(jobs("intake-receipt")).isEqualTo(receipts + 1);

        Sale sold = sales.sell(new SaleRequest(List.of(new SaleRequest.Line(lot.labelBarcodes().get(0), null, null)), "CASH", null, 20_000L,
                UUID.randomUUID().toString()), null, null).sale();
        assertThat(sold.status()).isEqualTo(SaleStatus.PAID);
        assertThat(sold.totalFen()).isEqualTo(15_000);
        assertThat(stock.levels(lot.sku())).extracting(StockLevel::quantity).containsExactly(9_000L);
        assertThat(jdbc.sql("SELECT owner FROM inventory_move WHERE reference = ? AND type = 'SALE'").param("sale:" + sold.id()).query(String.class).list())
                .containsExactly(farmer.id().toString());
    }

    @Test
    void aLabelWhosePriceRoundsToMoreGramsThanTheBagStillSellsOnceAndOnlyOnce() {
        // 999 g at ¥3.00/kg is ¥3.00 (299.7 fen, half-up), which reads back as 1,000 g: one gram of rounding
        Lot lot = lots.intake(new LotRequest(farmer.id(), "CABBAGE", null, null, List.of(999L), null, 300, "本村", null, null));
        assertThat(goods.read(lot.labelBarcodes().getFirst()).quantity()).isEqualTo(1_000);
        Sale sold = sales.sell(new SaleRequest(List.of(new SaleRequest.Line(lot.labelBarcodes().getFirst(), null, null)), "CASH", null, null,
                UUID.randomUUID().toString()), null, null).sale();
        assertThat(sold.totalFen()).isEqualTo(300);
        assertThat(stock.levels(lot.sku())).extracting(StockLevel::quantity).containsExactly(0L);
        assertThatThrownBy(() -> sales.sell(new SaleRequest(List.of(new SaleRequest.Line(lot.labelBarcodes().getFirst(), null, null)), "CASH", null,
                null, UUID.randomUUID().toString()), null, null)).extracting("code").isEqualTo("OUT_OF_STOCK");
        assertThatThrownBy(() -> lots.intake(new LotRequest(farmer.id(), "CABBAGE", null, null, List.of(1L), null, 300, "本村", null, null)))
                .as("a 1 g bag at ¥3.00/kg would cost nothing").extracting("code").isEqualTo("BAD_PRICE");
    }

    @Test
    void piecesGetALabelEachAndUncoveredGoodsNoCertificate() {
        Lot eggs = lots.intake(new LotRequest(farmer.id(), "EGG-FREE", null, Unit.PIECE, List.of(), 30L, 80, "本村", null, null));
        assertThat(eggs.quantity()).isEqualTo(30);
        assertThat(eggs.labelBarcodes()).as("pooled: every egg carries the shared SKU's own barcode").hasSize(30)
                .containsOnly(io.yizhan.station.inventory.Barcodes.inStore(eggs.shortCode()));
        Lot honey = lots.intake(new LotRequest(farmer.id(), "HONEY", null, null, List.of(), 2L, 3_800, "本村", null, null));
        assertThat(honey.labelBarcodes()).hasSize(2).allSatisfy(b -> assertThat(b).startsWith("28" + honey.shortCode() + "03800"));
        long certificates = jobs("certificate");
        lots.intake(new LotRequest(farmer.id(), "BASKET", null, null, List.of(), 2L, 4_500, "本村", null, null));
        assertThat(jobs("certificate")).as("a basket needs no 合格证").isEqualTo(certificates);
    }

    @Test
    void badIntakesAreRefusedAndStoreNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM consignment_lot").query(Long.class).single();
        assertThatThrownBy(() -> lots.intake(new LotRequest(farmer.id(), "SPINACH", null, null, List.of(500L), null, 0, "本村", null, null)))
                .extracting("code").isEqualTo("BAD_PRICE");
        assertThatThrownBy(() -> lots.intake(new LotRequest(farmer.id(), "SPINACH", null, null, List.of(-5L), null, 600, "本村", null, null)))
                .extracting("code").isEqualTo("BAD_WEIGHT");
        assertThatThrownBy(() -> lots.intake(new LotRequest(farmer.id(), "SPINACH", null, null, List.of(), null, 600, "本村", null, null)))
                .extracting("code").isEqualTo("BAD_WEIGHT");
        assertThatThrownBy(() -> lots.intake(new LotRequest(farmer.id(), "DURIAN", null, null, List.of(500L), null, 600, "本村", null, null)))
                .extracting("code").isEqualTo("NOT_FOUND");
        assertThatThrownBy(() -> lots.intake(new LotRequest(farmer.id(), "SPINACH", null, null, List.of(500L), null, 600, "本村",
                today().plusDays(3), null))).extracting("code").isEqualTo("BAD_DATE");
        assertThatThrownBy(() -> lots.intake(new LotRequest(farmer.id(), "SPINACH", null, Unit.PIECE, List.of(), 3L, 600, "本村", null, null)))
                .extracting("code").isEqualTo("BAD_UNIT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consignment_lot").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aConsignorWhoseGoodsAreStillHereIsNotErased() {
        lots.intake(new LotRequest(farmer.id(), "RICE", null, null, List.of(5_000L), null, 600, "本村", null, null));
        clock.advance(java.time.Duration.ofDays(1_096));
        try {
            consignors.eraseInactive();
            assertThat(consignors.find(farmer.id()).orElseThrow().idMasked()).as("their rice is still in stock").isNotNull();
        } finally {
            clock.advance(java.time.Duration.ofDays(-1_096));
        }
    }
}

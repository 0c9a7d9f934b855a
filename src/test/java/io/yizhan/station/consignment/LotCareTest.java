package io.yizhan.station.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.ScannedGood;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.StockLevel;
import io.yizhan.station.inventory.WriteOffReason;
import io.yizhan.station.payments.CashSessions;
import io.yizhan.station.sales.SaleRequest;
import io.yizhan.station.sales.Sales;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Lots on the shelf: a perishable lot's markdown is due by its category's schedule, never below the
 * floor; applied, old labels are void and a relabelled bag sells at the new price; pooled goods keep
 * one price; at the end of the period the contract's action applies (handed back, on the statement);
 * spoilage is the consignor's loss, damage the station's.
 */
@StationTest
class LotCareTest {

    @Autowired
    LotCare care;
    @Autowired
    Lots lots;
    @Autowired
    Consignors consignors;
    @Autowired
    Settlement settlement;
    @Autowired
    Goods goods;
    @Autowired
    Stock stock;
    @Autowired
    Sales sales;
    @Autowired
    CashSessions cash;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    io.yizhan.station.support.MutableClock clock;
    @Autowired
    io.yizhan.station.shared.StationTime time;

    @BeforeEach
    void atCounter() {
        SignedIn.as(security, "clerk", Role.CLERK);
        AtCounter.bind("counter-1");
        if (cash.current().isEmpty()) {
            cash.open(500_00);
        }
    }

    @AfterEach
    void leave() {
        AtCounter.unbind();
        SignedIn.out(security);
    }

    private LocalDate today() {
        return time.date(clock.instant());
    }

    private Consignor farmer(EndAction end, Long floor) {
        return Farmers.register(consignors, "郑大妈", 10, 3, end, floor);
    }

    private LotCare.MarkdownDue due(Lot lot) {
        return care.markdownsDue().stream().filter(d -> d.lot().lotId().equals(lot.id())).findFirst().orElseThrow();
    }

    @Test
    void aMarkdownVoidsTheOldLabelsAndARelabelledBagSellsAtTheNewPrice() {
        Consignor farmer = farmer(EndAction.RETURN, null);
        Lot fresh = lots.intake(new LotRequest(farmer.id(), "SPINACH", null, null, List.of(500L), null, 600, "本村", today(), null));
        assertThat(care.markdownsDue()).extracting(d -> d.lot().lotId()).doesNotContain(fresh.id());
        // two days after harvest, leafy greens are 40 % off: ¥6.00 → ¥3.60 per kg
        Lot lot = lots.intake(new LotRequest(farmer.id(), "SPINACH", null, null, List.of(500L, 700L), null, 600, "本村", today().minusDays(2), null));
        LotCare.MarkdownDue due = due(lot);
        assertThat(due.percentOff()).isEqualTo(40);
        assertThat(due.newPriceFen()).isEqualTo(360);
        assertThatThrownBy(() -> care.markdown(lot.id(), 600)).extracting("code").isEqualTo("BAD_PRICE");
        care.markdown(lot.id(), 360);
        assertThat(care.markdownsDue()).extracting(d -> d.lot().lotId()).doesNotContain(lot.id());
        assertThatThrownBy(() -> goods.read(lot.labelBarcodes().getFirst())).extracting("code").isEqualTo("LABEL_RETIRED");
        String label = care.relabel(lot.id(), 500);
        ScannedGood bag = goods.read(label);
        assertThat(bag.quantity()).isEqualTo(500);
        assertThat(bag.amountFen()).isEqualTo(180);
        sales.sell(new SaleRequest(List.of(new SaleRequest.Line(label, null, null)), "CASH", null, null, UUID.randomUUID().toString()), null, null);
        Statement s = settlement.statement(farmer.id(), today(), today());
        assertThat(s.lines()).singleElement().satisfies(l -> assertThat(l.amountFen()).isEqualTo(180));
        assertThat(s.markdowns()).singleElement().satisfies(m -> {
            assertThat(m.fromPriceFen()).isEqualTo(600);
            assertThat(m.toPriceFen()).isEqualTo(360);
        });
        // the other bag relabelled and sold; the same label scanned again is refused, naming the good
        String last = care.relabel(lot.id(), 700);
        sales.sell(new SaleRequest(List.of(new SaleRequest.Line(last, null, null)), "CASH", null, null, UUID.randomUUID().toString()), null, null);
        assertThatThrownBy(() -> sales.sell(new SaleRequest(List.of(new SaleRequest.Line(last, null, null)), "CASH", null, null,
                UUID.randomUUID().toString()), null, null)).extracting("code").isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void neverBelowTheFloorAndPooledGoodsKeepOnePrice() {
        Consignor farmer = farmer(EndAction.MARKDOWN, 500L);
        Lot lot = lots.intake(new LotRequest(farmer.id(), "TOMATO", null, null, List.of(1_000L), null, 600, "本村", today().minusDays(3), null));
        assertThat(due(lot).newPriceFen()).as("40 % off would be ¥3.60; the floor is ¥5.00").isEqualTo(500);
        assertThatThrownBy(() -> care.markdown(lot.id(), 450)).extracting("code").isEqualTo("BAD_PRICE");
        Lot eggs = lots.intake(new LotRequest(farmer.id(), "EGG-FREE", null, null, List.of(), 10L, 90 + ThreadLocalRandom.current().nextInt(1, 9_000),
                "本村", today().minusDays(20), null));
        assertThatThrownBy(() -> care.markdown(eggs.id(), 50)).extracting("code").isEqualTo("POOLED");
    }

    @Test
    void atTheEndOfThePeriodWhatIsLeftGoesBackAndIsOnTheStatement() {
        Consignor farmer = farmer(EndAction.RETURN, null);
        Lot lot = lots.intake(new LotRequest(farmer.id(), "BASKET", null, null, List.of(), 3L, 4_000, "本村", null, null));
        assertThatThrownBy(() -> care.end(lot.id())).extracting("code").isEqualTo("NOT_ENDED");
        long slips = jdbc.sql("SELECT COUNT(*) FROM devices_print_job WHERE document = 'return-slip'").query(Long.class).single();
        clock.advance(Duration.ofDays(4));
        try {
            assertThat(care.ended()).extracting(LotCare.OnShelf::lotId).contains(lot.id());
            care.end(lot.id());
            assertThat(stock.ofOwner(farmer.id().toString())).isEmpty();
            assertThat(care.onShelf()).extracting(LotCare.OnShelf::lotId).doesNotContain(lot.id());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM devices_print_job WHERE document = 'return-slip'").query(Long.class).single()).isEqualTo(slips + 1);
            Statement s = settlement.statement(farmer.id(), today().minusDays(5), today());
            assertThat(s.writeOffs()).singleElement().satisfies(w -> {
                assertThat(w.quantity()).isEqualTo(3);
                assertThat(w.reason()).isEqualTo("RETURNED_TO_OWNER");
                assertThat(w.borneBy()).isEqualTo("CONSIGNOR");
            });
            assertThat(s.balanceFen()).isZero();
        } finally {
            clock.advance(Duration.ofDays(-4));
        }
    }

    @Test
    void spoilageIsTheConsignorsLossAndDamageTheStations() {
        Consignor farmer = farmer(EndAction.RETURN, null);
        Lot lot = lots.intake(new LotRequest(farmer.id(), "HONEY", null, null, List.of(), 5L, 3_000, "本村", null, null));
        assertThatThrownBy(() -> care.writeOff(lot.id(), 6, WriteOffReason.SPOILED, null)).extracting("code").isEqualTo("BAD_QUANTITY");
        assertThatThrownBy(() -> care.writeOff(lot.id(), 1, WriteOffReason.DONATED, null)).extracting("code").isEqualTo("BAD_REASON");
        care.writeOff(lot.id(), 1, WriteOffReason.SPOILED, "发霉");
        assertThat(settlement.balance(farmer.id())).isZero();
        care.writeOff(lot.id(), 1, WriteOffReason.DAMAGED, "店员摔碎");
        // the station pays the consignor's share of one jar: ¥30.00 less 10 %
        assertThat(settlement.balance(farmer.id())).isEqualTo(2_700);
        assertThat(stock.ofOwner(farmer.id().toString())).extracting(StockLevel::quantity).containsExactly(3L);
        Statement s = settlement.statement(farmer.id(), today(), today());
        assertThat(s.writeOffs()).extracting(Statement.WriteOff::borneBy).containsExactly("CONSIGNOR", "STATION");
        assertThat(s.salesFen()).as("a write-off is no sale").isZero();
    }
}

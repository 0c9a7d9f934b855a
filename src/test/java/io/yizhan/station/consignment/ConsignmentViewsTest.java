package io.yizhan.station.consignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import io.yizhan.station.consignment.ui.IntakeView;
import io.yizhan.station.consignment.ui.SettlementView;
import io.yizhan.station.devices.Scales;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.StockLevel;
import io.yizhan.station.payments.CashSessions;
import io.yizhan.station.sales.SaleRequest;
import io.yizhan.station.sales.Sales;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalId;
import io.yizhan.station.terminals.TerminalKind;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * 代销收货 and 代销结算 as a clerk uses them: two bags on the counter's scale (an unsteady reading
 * refused), the lot stored and its labels queued; then the statement with its lines, a payout above
 * the balance refused, the balance paid in cash and the statement printed.
 */
@StationTest
@ViewPackages(packages = "io.yizhan.station")
class ConsignmentViewsTest extends SpringBrowserlessTest {

    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    Consignors consignors;
    @Autowired
    Scales scales;
    @Autowired
    Stock stock;
    @Autowired
    Sales sales;
    @Autowired
    CashSessions cash;
    @Autowired
    JdbcClient jdbc;

    Consignor farmer;

    @BeforeEach
    void clerkAtCounter() {
        SignedIn.as(security, "clerk", Role.CLERK);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
        VaadinSession.getCurrent().setAttribute(Terminal.class, new Terminal(new TerminalId("counter-1"), TerminalKind.COUNTER));
        farmer = Farmers.register(consignors, "赵大伯", 10, 7, EndAction.RETURN, null);
    }

    @AfterEach
    void signOut() {
        SignedIn.out(security);
    }

    private long jobs(String document) {
        return jdbc.sql("SELECT COUNT(*) FROM devices_print_job WHERE document = ?").param(document).query(Long.class).single();
    }

    @Test
    void bagsOnTheScaleBecomeALotWithItsLabels() {
        long labels = jobs("lot-label");
        navigate(IntakeView.class);
        @SuppressWarnings("unchecked")
        ComboBox<Consignor> who = $(ComboBox.class).id("intake-consignor");
        who.setValue(farmer);
        @SuppressWarnings("unchecked")
        Select<ConsignmentProducts.Product> product = $(Select.class).id("intake-product");
        product.setValue(product.getListDataView().getItems().filter(p -> p.code().equals("ORANGE-QC")).findFirst().orElseThrow());
        test($(TextField.class).id("intake-price")).setValue("9.6");
        test($(TextField.class).id("intake-origin")).setValue("江西赣州");
        scales.reading("counter-scale", 5_010, false, true);
        test($(Button.class).id("intake-weigh")).click();
        assertThat($(Paragraph.class).id("intake-result").getText()).startsWith("秤的读数还没稳定");
        scales.setVirtual("counter-scale", 5_010);
        test($(Button.class).id("intake-weigh")).click();
        scales.setVirtual("counter-scale", 4_875);
        test($(Button.class).id("intake-weigh")).click();
        assertThat($(Paragraph.class).id("intake-total").getText()).isEqualTo("共 2 袋，9.885千克");
        test($(Button.class).id("intake-submit")).click();
        assertThat($(Paragraph.class).id("intake-result").getText()).startsWith("已收货：批号 L").contains("赵大伯", "9.885千克", "2 张标签、合格证");
        assertThat(jobs("lot-label")).isEqualTo(labels + 2);
        assertThat(stock.ofOwner(farmer.id().toString())).extracting(StockLevel::quantity).containsExactly(9_885L);
        assertThat($(Paragraph.class).id("intake-total").getText()).as("ready for the next farmer").isEqualTo("共 0 袋，0.000千克");
    }

    @Test
    void theStatementShowsTheSaleAndTheBalanceIsPaidOutInCash() {
        AtCounter.bind("counter-1");
        Lot lot;
        try {
            if (cash.current().isEmpty()) {
                cash.open(500_00);
            }
            lot = lotsIntake();
            sales.sell(new SaleRequest(List.of(new SaleRequest.Line(lot.labelBarcodes().getFirst(), null, null)), "CASH", null, null,
                    UUID.randomUUID().toString()), null, null);
        } finally {
            AtCounter.unbind();
        }
        navigate(SettlementView.class);
        @SuppressWarnings("unchecked")
        ComboBox<Consignor> who = $(ComboBox.class).id("settlement-consignor");
        who.setValue(farmer);
        // 2 kg at ¥15.00/kg = ¥30.00; 10 % commission: ¥27.00 owed
        assertThat($(Paragraph.class).id("settlement-balance").getText()).isEqualTo("现在应付 ¥27.00");
        @SuppressWarnings("unchecked")
        Grid<Statement.Line> lines = $(Grid.class).id("settlement-lines");
        assertThat(test(lines).size()).isEqualTo(1);
        assertThat(test(lines).getCellText(0, 5)).isEqualTo("¥27.00");
        test($(TextField.class).id("payout-amount")).setValue("30");
        test($(Button.class).id("payout-pay")).click();
        assertThat($(Paragraph.class).id("payout-result").getText()).startsWith("付款超过了应付余额").contains("¥27.00");
        test($(TextField.class).id("payout-amount")).setValue("27");
        test($(Button.class).id("payout-pay")).click();
        assertThat($(Paragraph.class).id("payout-result").getText()).startsWith("已付现金 ¥27.00 给 赵大伯");
        assertThat($(Paragraph.class).id("settlement-balance").getText()).isEqualTo("现在应付 ¥0.00");
        long statements = jobs("statement");
        test($(Button.class).id("settlement-print")).click();
        assertThat(jobs("statement")).isEqualTo(statements + 1);
    }

    @Autowired
    Lots lots;

    @Autowired
    io.yizhan.station.support.MutableClock clock;
    @Autowired
    io.yizhan.station.shared.StationTime time;

    @Test
    void aDueMarkdownIsAppliedAndEachBagRelabelledOnTheScale() {
        long labels = jobs("lot-label");
        Lot lot = lots.intake(new LotRequest(farmer.id(), "CABBAGE", null, null, List.of(1_500L, 2_000L), null, 400, "本村",
                time.date(clock.instant()).minusDays(1), null));
        navigate(io.yizhan.station.consignment.ui.LotCareView.class);
        @SuppressWarnings("unchecked")
        Grid<LotCare.MarkdownDue> due = $(Grid.class).id("markdowns-due");
        int row = java.util.stream.IntStream.range(0, test(due).size()).filter(i -> test(due).getCellText(i, 0).startsWith(lot.lotNo()))
                .findFirst().orElseThrow();
        assertThat(test(due).getCellText(row, 3)).isEqualTo("¥4.00/千克 → ¥3.20/千克（降 20%）");
        test((Button) test(due).getCellComponent(row, 4)).click();
        assertThat($(Paragraph.class).id("care-result").getText()).startsWith(lot.lotNo() + " 已降到 ¥3.20/千克");
        scales.setVirtual("counter-scale", 1_500);
        test($(Button.class).id("relabel-weigh")).click();
        assertThat($(Paragraph.class).id("care-result").getText()).isEqualTo("新标签已送打印：1.500千克");
        assertThat(jobs("lot-label")).isEqualTo(labels + 2 + 1);
    }

    @Test
    void aListingWithBannedWordsShowsThemAndIsSubmittedOnceRewritten() {
        Lot lot = lotsIntake();
        navigate(io.yizhan.station.consignment.ui.ListingsView.class);
        @SuppressWarnings("unchecked")
        Select<LotCare.OnShelf> which = $(Select.class).id("listing-lot");
        which.setValue(which.getListDataView().getItems().filter(l -> l.lotId().equals(lot.id())).findFirst().orElseThrow());
        assertThat($(TextField.class).id("listing-quantity").getValue()).isEqualTo("2.000");
        test($(TextField.class).id("listing-title")).setValue("烟台苹果 全网第一");
        test($(com.vaadin.flow.component.textfield.TextArea.class).id("listing-description")).setValue("脆甜多汁，能降血压");
        test($(Button.class).id("listing-submit")).click();
        assertThat($(Paragraph.class).id("listing-result").getText()).startsWith("标记出来的词不能用");
        assertThat($(com.vaadin.flow.component.html.Emphasis.class).all()).extracting(com.vaadin.flow.component.html.Emphasis::getText)
                .containsExactly("全网第一", "降血压");
        test($(TextField.class).id("listing-title")).setValue("烟台红富士苹果");
        test($(com.vaadin.flow.component.textfield.TextArea.class).id("listing-description")).setValue("脆甜多汁，产地直发");
        test($(Button.class).id("listing-submit")).click();
        assertThat($(Paragraph.class).id("listing-result").getText()).isEqualTo("已提交店长审核：烟台红富士苹果");
        @SuppressWarnings("unchecked")
        Grid<io.yizhan.station.consignment.Listings.Listing> listed = $(Grid.class).id("listing-list");
        int row = java.util.stream.IntStream.range(0, test(listed).size()).filter(i -> test(listed).getCellText(i, 1).startsWith(lot.lotNo()))
                .findFirst().orElseThrow();
        assertThat(test(listed).getCellText(row, 2)).isEqualTo("烟台红富士苹果");
        assertThat(test(listed).getCellText(row, 4)).isEqualTo("等店长审核");
    }

    private Lot lotsIntake() {
        return lots.intake(new LotRequest(farmer.id(), "APPLE-HFS", null, null, List.of(2_000L), null, 1_500, "山东烟台", null, null));
    }
}

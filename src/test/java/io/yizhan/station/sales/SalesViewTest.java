package io.yizhan.station.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.devices.Scales;
import io.yizhan.station.inventory.Barcodes;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.MoveRequest;
import io.yizhan.station.inventory.MoveType;
import io.yizhan.station.inventory.Sku;
import io.yizhan.station.inventory.SkuDraft;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.sales.ui.SalesView;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalId;
import io.yizhan.station.terminals.TerminalKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** 收银 at counter-1: scans add lines (a second scan adds one), the scale weighs, cash pays with change, the receipt's QR opens the return. */
@StationTest
@ViewPackages(packages = "io.yizhan.station")
class SalesViewTest extends SpringBrowserlessTest {

    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    Goods goods;
    @Autowired
    Stock stock;
    @Autowired
    Scales scales;
    @Autowired
    Sales sales;

    @BeforeEach
    void clerkAtCounter1() {
        SignedIn.as(security, "clerk", Role.CLERK);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
        VaadinSession.getCurrent().setAttribute(Terminal.class, new Terminal(new TerminalId("counter-1"), TerminalKind.COUNTER));
    }

    @AfterEach
    void signOut() {
        SignedIn.out(security);
    }

    Sku stocked(String name, Unit unit, long price, long quantity, String... barcodes) {
        Sku sku = goods.save(new SkuDraft("V" + UUID.randomUUID().toString().substring(0, 8), null, name, "", unit, price, null, "", List.of(barcodes), 0));
        stock.move(new MoveRequest(MoveType.RECEIVE, sku.sku(), "", null, null, null, "A-01", quantity, null, null));
        return sku;
    }

    private ScanReceived scan(String code) {
        return new ScanReceived(UUID.randomUUID(), "counter-scanner", "counter-1", code, "EAN-13", 1, Instant.now());
    }

    @Test
    void scanWeighAndPayCashWithChange() {
        String barcode = SalesTest.gtin();
        stocked("酱油", Unit.PIECE, 1_250, 10, barcode);
        Sku apple = stocked("苹果", Unit.KG, 880, 10_000, SalesTest.gtin());
        SalesView view = navigate(SalesView.class);
        view.onScan(scan(barcode));
        view.onScan(scan(barcode));
        scales.setVirtual("counter-scale", 1_255);
        view.onScan(scan(apple.barcodeList().getFirst()));
        @SuppressWarnings("unchecked")
        Grid<Object> lines = $(Grid.class).id("sale-lines");
        assertThat(test(lines).size()).as("the second scan added one to the line").isEqualTo(2);
        // 2 × ¥12.50 + 1.255 kg × ¥8.80 = 25.00 + 11.04
        assertThat($(Span.class).id("sale-total").getText()).isEqualTo("合计 ¥36.04");
        test($(TextField.class).id("tendered")).setValue("50");
        assertThat($(Span.class).id("sale-change").getText()).contains("¥13.96");
        test($(Button.class).id("pay-cash")).click();
        assertThat($(Paragraph.class).id("sale-result").getText()).isEqualTo("已收款 ¥36.04，找零 ¥13.96");
        assertThat($(Span.class).id("sale-total").getText()).as("ready for the next customer").isEqualTo("请扫商品");
    }

    @Test
    void unknownAndBrokenCodesSaySoAndTheReceiptQrOpensTheReturn() {
        SalesView view = navigate(SalesView.class);
        view.onScan(scan("6901234567891"));
        assertThat($(Paragraph.class).id("sale-result").getText()).contains("校验位不对");
        Sku soap = stocked("肥皂", Unit.PIECE, 450, 5);
        Sale sale = sales.sell(new SaleRequest(List.of(new SaleRequest.Line(null, soap.sku(), 2L)), "CASH", null, null, UUID.randomUUID().toString()),
                null, null).sale();
        view.onScan(scan(sale.id().toString()));
        test($(TextField.class).id("return-qty-0")).setValue("1");
        test($(TextField.class).id("return-reason")).setValue("买多了");
        test($(Button.class).id("return-confirm")).click();
        assertThat($(Paragraph.class).id("return-result").getText()).contains("¥4.50").contains("已退回原付款方式");
        assertThat(goods.onHand(soap.sku())).isEqualTo(4);
        view.onScan(scan(Barcodes.withCheckDigit("2899998" + "00100")));
        assertThat($(Paragraph.class).id("sale-result").getText()).contains("99998");
    }
}

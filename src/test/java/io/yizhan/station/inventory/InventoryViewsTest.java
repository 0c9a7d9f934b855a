package io.yizhan.station.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.inventory.ui.GoodsView;
import io.yizhan.station.inventory.ui.StocktakeView;
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

/** 商品与库存 and 商品盘点: a good made and received, found by pinyin; a stocktake counted by scans, its difference shown and posted. */
@StationTest
@ViewPackages(packages = "io.yizhan.station")
class InventoryViewsTest extends SpringBrowserlessTest {

    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    Goods goods;
    @Autowired
    Stock stock;

    @BeforeEach
    void atCounter1() {
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
        VaadinSession.getCurrent().setAttribute(Terminal.class, new Terminal(new TerminalId("counter-1"), TerminalKind.COUNTER));
    }

    @AfterEach
    void signOut() {
        SignedIn.out(security);
    }

    @Test
    void aGoodIsMadeReceivedAndFoundByPinyin() {
        SignedIn.as(security, "clerk", Role.CLERK);
        navigate(GoodsView.class);
        String code = "G" + UUID.randomUUID().toString().substring(0, 8);
        test($(TextField.class).id("sku-code")).setValue(code);
        test($(TextField.class).id("sku-name")).setValue("绿豆糕" + code);
        test($(TextField.class).id("sku-price")).setValue("6.50");
        test($(Button.class).id("sku-save")).click();
        assertThat($(Paragraph.class).id("goods-result").getText()).startsWith("已保存");
        test($(TextField.class).id("move-quantity")).setValue("12");
        test($(TextField.class).id("move-to")).setValue("a-02-01");
        test($(Button.class).id("move-record")).click();
        assertThat(goods.onHand(code)).isEqualTo(12);
        test($(TextField.class).id("goods-query")).setValue("ldg");
        @SuppressWarnings("unchecked")
        Grid<Sku> list = $(Grid.class).id("goods-list");
        assertThat(test(list).size()).isPositive();
    }

    @Test
    void aStocktakeCountedByScansPostsItsDifference() {
        SignedIn.as(security, "manager", Role.MANAGER);
        String barcode = GoodsAndStockTest.gtin();
        String location = "T-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Sku tea = goods.save(new SkuDraft("G" + UUID.randomUUID().toString().substring(0, 8), null, "乌龙茶", "", Unit.PIECE, 3_000, null, "",
                List.of(barcode), 0));
        stock.move(new MoveRequest(MoveType.RECEIVE, tea.sku(), "", null, null, null, location, 3, null, null));
        StocktakeView view = navigate(StocktakeView.class);
        test($(TextField.class).id("stocktake-location")).setValue(location);
        test($(Button.class).id("stocktake-start")).click();
        ScanReceived scan = new ScanReceived(UUID.randomUUID(), "counter-scanner", "counter-1", barcode, "EAN-13", 1, Instant.now());
        view.onScan(scan);
        view.onScan(scan);
        assertThat($(Paragraph.class).id("stocktake-result").getText()).contains("已盘 2件");
        @SuppressWarnings("unchecked")
        Grid<StocktakeLine> lines = $(Grid.class).id("stocktake-lines");
        assertThat(test(lines).size()).isEqualTo(1);
        assertThat(test(lines).getCellText(0, 5)).isEqualTo("-¥30.00");
        test($(Button.class).id("stocktake-post")).click();
        assertThat(goods.onHand(tea.sku())).isEqualTo(2);
    }
}

package io.yizhan.station.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import io.yizhan.station.counter.CounterRequests;
import io.yizhan.station.kiosk.NumericKeypad;
import io.yizhan.station.kiosk.WrongCodeGuard;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.shopping.ui.DisplayView;
import io.yizhan.station.shopping.ui.KioskOrdersView;
import io.yizhan.station.shopping.ui.KioskShopView;
import io.yizhan.station.shopping.ui.ShoppingView;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalId;
import io.yizhan.station.terminals.TerminalKind;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assisted-buying screens without a browser, with central away (the station's own copy of the
 * catalog is all they need; an order becomes a draft): the kiosk's pages of six cards and the clerk
 * request, the counter's search and cart with the offer and its draft, the display's consent, and
 * 我的订单 that shows nothing for a phone alone.
 */
@StationTest
@ViewPackages(packages = "io.yizhan.station")
class ShoppingViewsTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JsonMapper json;
    @Autowired
    Shopping shopping;
    @Autowired
    DisplayBoard board;
    @Autowired
    CounterRequests requests;
    @Autowired
    WrongCodeGuard guard;
    @Autowired
    SecurityContextHolderStrategy security;

    @BeforeEach
    void theCatalog() {
        VaadinSession.getCurrent().setLocale(Translations.SIMPLIFIED);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
        ShopCatalog.seed(events, tx, json);
        guard.succeeded(CurrentTerminal.name());
    }

    @AfterEach
    void leave() {
        VaadinSession.getCurrent().setAttribute(Terminal.class, null);
        SignedIn.out(security);
    }

    private ShopOrder draft(String phone) {
        SignedIn.as(security, "clerk", Role.CLERK);
        AtCounter.bind("counter-1");
        try {
            return shopping.place(new Shopping.OrderRequest(phone, "王大伯", List.of(new Shopping.LineRequest("P0002", 1)), "STATION", null,
                    UUID.randomUUID().toString())).order();
        } finally {
            AtCounter.unbind();
        }
    }

    @Test
    void theKioskShowsSixCardsToAScreenAndAsksTheClerkWithANumber() {
        navigate(io.yizhan.station.kiosk.ui.KioskHomeView.class);
        test($(NativeButton.class).id("tile-shop")).click();
        assertThat(getCurrentView()).isInstanceOf(KioskShopView.class);
        assertThat($(NativeButton.class).withClassName("shop-card").all()).hasSize(6);
        assertThat($(Span.class).id("shop-page").getText()).isEqualTo("第 1 / 2 页");
        test($(NativeButton.class).id("shop-next")).click();
        assertThat($(NativeButton.class).withClassName("shop-card").all()).hasSize(2);
        test($(NativeButton.class).id("shop-previous")).click();
        test($(NativeButton.class).id("shop-category-GRAIN_OIL")).click();
        assertThat($(H1.class).id("shop-title").getText()).isEqualTo("粮油");
        assertThat($(NativeButton.class).withClassName("shop-card").all()).as("never a long list").hasSize(6);
        test($(NativeButton.class).id("shop-product-P0001")).click();
        assertThat($(Span.class).id("shop-product-price").getText()).isEqualTo("¥39.90");
        test($(NativeButton.class).id("shop-variant-P0002")).click();
        assertThat($(Span.class).id("shop-product-price").getText()).isEqualTo("¥75.90");
        assertThat($(NativeButton.class).id("shop-variant-P0002").getElement().getAttribute("aria-pressed")).isEqualTo("true");
        int waiting = requests.waiting().size();
        test($(NativeButton.class).id("shop-ask-clerk")).click();
        assertThat(requests.waiting()).hasSize(waiting + 1);
        String number = $(Span.class).id("shop-request-number").getText();
        assertThat(requests.waiting().getLast().number()).hasToString(number);
        assertThat(requests.waiting().getLast().route()).isEqualTo("counter/shopping?product=P0002");
    }

    @Test
    void payingAtTheKioskWhileCentralIsAwayTakesNoOrderAndNoMoney() {
        navigate(io.yizhan.station.kiosk.ui.KioskHomeView.class);
        test($(NativeButton.class).id("tile-shop")).click();
        test($(NativeButton.class).id("shop-category-GRAIN_OIL")).click();
        test($(NativeButton.class).id("shop-product-P0001")).click();
        test($(NativeButton.class).id("shop-pay-here")).click();
        type("13955550005");
        assertThat($(H1.class).id("shop-title").getText()).isEqualTo("现在不能在这里付款");
        assertThat($(Paragraph.class).id("shop-message").getText()).contains("没有下单，也没有收钱");
        assertThat(shopping.recent()).filteredOn(o -> o.idempotencyKey().startsWith("kiosk-") && o.status() != OrderStatus.CANCELLED).isEmpty();
    }

    @Test
    void theCounterBuildsACartWithTheBestOfferAndKeepsADraftWhileCentralIsAway() {
        SignedIn.as(security, "clerk", Role.CLERK);
        VaadinSession.getCurrent().setAttribute(Terminal.class, new Terminal(new TerminalId("counter-1"), TerminalKind.COUNTER));
        UI.getCurrent().navigate(ShoppingView.class, com.vaadin.flow.router.QueryParameters.of("product", "P0001"));
        assertThat(getCurrentView()).isInstanceOf(ShoppingView.class);
        test($(TextField.class).id("shop-search")).setValue("dbdm");
        assertThat(test($(com.vaadin.flow.component.grid.Grid.class).id("shop-results")).size()).isEqualTo(2);
        assertThat($(Paragraph.class).id("shop-totals").getText()).contains("粮油九折").contains("¥3.99").contains("¥35.91");
        test($(TextField.class).id("shop-phone")).setValue("13955550001");
        test($(Button.class).id("shop-place")).click();
        assertThat($(Paragraph.class).id("shop-result").getText()).contains("草稿").contains("不收钱");
        assertThat($(Button.class).withId("shop-pay-cash").exists()).as("no money before it is reserved").isFalse();
        assertThat($(Button.class).withId("shop-to-display").exists()).as("counter-1 has display-1").isTrue();
        test($(Button.class).id("shop-to-display")).click();
        assertThat(board.current("counter-1")).isPresent();
    }

    @Test
    void onlyTheDisplaysTapRecordsConsent() {
        ShopOrder o = draft("13955550002");
        board.show("counter-1", o.id());
        VaadinSession.getCurrent().setAttribute(Terminal.class, new Terminal(new TerminalId("display-1"), TerminalKind.DISPLAY));
        navigate(DisplayView.class);
        assertThat($(Span.class).id("display-total").getText()).isEqualTo("一共 ¥68.31");
        test($(NativeButton.class).id("display-confirm")).click();
        ShopOrder consented = shopping.find(o.id());
        assertThat(consented.consentHow()).isEqualTo("DISPLAY");
        assertThat(consented.consentTerminal()).isEqualTo("display-1");
        assertThat(board.current("counter-1")).isEmpty();
    }

    @Test
    void aBrowserThatIsNotTheDisplaySaysSoAndShowsNoOrder() {
        board.show("counter-1", draft("13955550003").id());
        navigate(DisplayView.class);
        assertThat($(H1.class).id("display-title").getText()).startsWith("这台屏幕还不是顾客屏");
        assertThat($(NativeButton.class).withId("display-confirm").exists()).isFalse();
    }

    @Test
    void myOrdersNeedsTheReceiptsCheckCodeNotJustThePhone() {
        ShopOrder o = draft("13955550004");
        navigate(io.yizhan.station.kiosk.ui.KioskHomeView.class);
        test($(NativeButton.class).id("tile-orders")).click();
        assertThat(getCurrentView()).isInstanceOf(KioskOrdersView.class);
        type("13955550004");
        type(o.checkCode().equals("0000") ? "1111" : "0000");
        assertThat($(Paragraph.class).id("orders-message").getText()).startsWith("号码或查询码不对");
        type(o.checkCode());
        assertThat($(Span.class).id("order-state-" + o.orderNo()).getText()).isEqualTo("还没下到平台，连上后会自动下单");
    }

    private void type(String digits) {
        NumericKeypad keypad = $(NumericKeypad.class).single();
        digits.chars().forEach(c -> keypad.type((char) c));
        test($(NativeButton.class).id("keypad-confirm")).click();
    }
}

package io.yizhan.station.bills;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import io.yizhan.station.bills.ui.BillsView;
import io.yizhan.station.bills.ui.KioskBillsView;
import io.yizhan.station.bills.ui.KioskTopUpView;
import io.yizhan.station.kiosk.NumericKeypad;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalId;
import io.yizhan.station.terminals.TerminalKind;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The bill screens without a browser, with central away: the kiosk's tiles and keypad, which tell
 * the resident plainly to come to the counter and take nothing; the top-up's number typed twice; the
 * counter's offline acceptance in cash for the amount on the paper bill; the social-security query's
 * consent.
 */
@StationTest
@ViewPackages(packages = "io.yizhan.station")
class BillsViewsTest extends SpringBrowserlessTest {

    @Autowired
    SecurityContextHolderStrategy security;

    @BeforeEach
    void chinese() {
        VaadinSession.getCurrent().setLocale(Translations.SIMPLIFIED);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
    }

    @AfterEach
    void leave() {
        VaadinSession.getCurrent().setAttribute(Terminal.class, null);
        SignedIn.out(security);
    }

    private void type(String digits) {
        NumericKeypad keypad = $(NumericKeypad.class).single();
        keypad.clear();
        digits.chars().forEach(c -> keypad.type((char) c));
        test($(NativeButton.class).id("keypad-confirm")).click();
    }

    private String message() {
        return $(Paragraph.class).id("bills-message").getText();
    }

    @Test
    void theKioskNeverAcceptsABillWhileCentralIsAway() {
        navigate(io.yizhan.station.kiosk.ui.KioskHomeView.class);
        assertThat($(NativeButton.class).withId("tile-bills").exists()).as("no tile at a station not linked to central").isFalse();
        navigate(KioskBillsView.class);
        assertThat($(NativeButton.class).withClassName("kiosk-tile").all()).hasSize(3);
        test($(NativeButton.class).id("bills-kind-water")).click();
        type("12345");
        assertThat(message()).isEqualTo("户号是10位数字，请再看看账单");
        type("3301234560");
        assertThat($(H1.class).id("bills-title").getText()).isEqualTo("请到柜台办理");
        assertThat(message()).contains("请到柜台");
        assertThat($(NativeButton.class).id("bills-done").isEnabled()).isTrue();
    }

    @Test
    void theTopUpNumberIsTypedTwice() {
        navigate(io.yizhan.station.kiosk.ui.KioskHomeView.class);
        navigate(KioskTopUpView.class);
        type("02088886666");
        assertThat(message()).isEqualTo("请输入11位手机号码（座机和物联网卡不能充值）");
        type("13812345670");
        assertThat(message()).contains("再输入一遍");
        type("13812345679");
        assertThat(message()).isEqualTo("两次号码不一样，请重新输入");
        type("13812345670");
        type("13812345670");
        assertThat($(H1.class).id("bills-title").getText()).as("the carrier is asked of central, which is away").isEqualTo("请到柜台办理");
    }

    @Test
    void theCounterAcceptsCashOfflineForTheAmountOnTheBill() {
        SignedIn.as(security, "clerk", Role.CLERK);
        VaadinSession.getCurrent().setAttribute(Terminal.class, new Terminal(new TerminalId("counter-1"), TerminalKind.COUNTER));
        navigate(BillsView.class);
        String account = String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)) + "0";
        test($(TextField.class).id("bills-account")).setValue(account);
        test($(Button.class).id("bills-lookup")).click();
        assertThat($(Paragraph.class).id("bills-outcome").getText()).contains("联系不上平台");
        test($(TextField.class).id("bills-offline-amount")).setValue("86.50");
        test($(Button.class).id("bills-accept-offline")).click();
        assertThat($(Paragraph.class).id("bills-outcome").getText()).contains("已离线受理").contains("¥86.50")
                .contains(account.substring(0, 3) + "****" + account.substring(7)).doesNotContain(account);
        @SuppressWarnings("unchecked")
        Grid<BillPayment> today = $(Grid.class).id("bills-today");
        assertThat(today.getGenericDataView().getItems().filter(b -> b.accountMasked().equals(account.substring(0, 3) + "****" + account.substring(7))))
                .singleElement().satisfies(b -> assertThat(b.status()).isEqualTo(BillStatus.ACCEPTED_OFFLINE));
        test($(Button.class).id("bills-accept-offline")).click();
        assertThat($(Paragraph.class).id("bills-outcome").getText()).as("a double tap accepts once").contains("已离线受理");
        assertThat(today.getGenericDataView().getItems().filter(b -> b.accountMasked().equals(account.substring(0, 3) + "****" + account.substring(7))))
                .hasSize(1);
    }

    @Test
    void theSocialSecurityQueryNeedsConsentFirst() {
        SignedIn.as(security, "clerk", Role.CLERK);
        VaadinSession.getCurrent().setAttribute(Terminal.class, new Terminal(new TerminalId("counter-1"), TerminalKind.COUNTER));
        navigate(BillsView.class);
        test($(Button.class).id("bills-kind-social")).click();
        test($(TextField.class).id("ss-name")).setValue("李秀兰");
        test($(TextField.class).id("ss-id")).setValue("11010519491231002X");
        test($(Button.class).id("ss-query")).click();
        assertThat($(Paragraph.class).id("bills-outcome").getText()).isEqualTo("请先确认本人同意查询");
        test($(Checkbox.class).id("ss-consent")).click();
        test($(Button.class).id("ss-query")).click();
        assertThat($(Paragraph.class).id("bills-outcome").getText()).as("central is away").isEqualTo("现在联系不上平台");
    }
}

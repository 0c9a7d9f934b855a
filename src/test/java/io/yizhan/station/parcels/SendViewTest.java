package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.yizhan.station.devices.Scales;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.parcels.internal.Tariffs;
import io.yizhan.station.parcels.ui.CollectionView;
import io.yizhan.station.parcels.ui.SendView;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalId;
import io.yizhan.station.terminals.TerminalKind;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

@StationTest
@ViewPackages(packages = "io.yizhan.station")
class SendViewTest extends SpringBrowserlessTest {

    @Autowired
    Sending sending;
    @Autowired
    Scales scales;
    @Autowired
    SecurityContextHolderStrategy security;

    @BeforeEach
    void signedInClerk() {
        SignedIn.as(security, "clerk", Role.CLERK);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
        VaadinSession.getCurrent().setAttribute(Terminal.class, new Terminal(new TerminalId("counter-1"), TerminalKind.COUNTER));
    }

    @AfterEach
    void signOut() {
        SignedIn.out(security);
    }

    private void fill(String id, String value) {
        test($(TextField.class).id(id)).setValue(value);
    }

    @SuppressWarnings("unchecked")
    private void province(String code) {
        ComboBox<Tariffs.Province> box = $(ComboBox.class).id("province");
        box.setValue(sending.provinces().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow());
    }

    private String quote() {
        return $(Paragraph.class).id("quote").getText();
    }

    @Test
    void theScaleFillsTheWeightThePriceFollowsAndPayingPrintsTheWaybill() {
        navigate(SendView.class);
        Button pay = $(Button.class).id("send-pay");
        assertThat(pay.isEnabled()).as("no price yet").isFalse();
        fill("sender-name", "李大爷");
        fill("sender-phone", "138 1234 5678");
        fill("recipient-name", "李小明");
        fill("recipient-phone", "13900001111");
        province("XJ");
        fill("address", "乌鲁木齐市天山区解放北路 12 号");
        scales.setVirtual("counter-scale", 2300);
        test($(Button.class).id("read-scale")).click();
        assertThat($(TextField.class).id("weight").getValue()).isEqualTo("2.3");
        assertThat(quote()).isEqualTo("计费重量 3 公斤 · 运费 ¥55.00");
        assertThat(pay.getText()).isEqualTo("收现金 ¥55.00 并打印面单");

        test($(IntegerField.class).id("length")).setValue(60);
        test($(IntegerField.class).id("width")).setValue(40);
        test($(IntegerField.class).id("height")).setValue(30);
        // 72,000 cm³ ÷ 6,000 = 12 kg for SF
        assertThat(quote()).isEqualTo("计费重量 12 公斤 · 运费 ¥190.00（按体积计重）");

        test(pay).click();
        String waybill = $(Span.class).id("last-waybill").getText();
        assertThat(waybill).startsWith("YZ");
        assertThat(sending.byStatus(ParcelStatus.AWAITING_COLLECTION, 50)).extracting(Shipment::waybill).contains(waybill);
        assertThat($(TextField.class).id("recipient-name").getValue()).as("ready for the next resident").isEmpty();
        assertThat($(Grid.class).id("recent-sent").getGenericDataView().getItems().count()).isPositive();
    }

    @Test
    void aBadPhoneIsShownOnItsFieldAndNothingIsTaken() {
        navigate(SendView.class);
        fill("sender-name", "李大爷");
        fill("sender-phone", "13812345678");
        fill("recipient-name", "李小明");
        fill("recipient-phone", "1390000");
        province("ZJ");
        fill("address", "杭州市西湖区文三路 1 号");
        fill("weight", "0.8");
        assertThat(quote()).isEqualTo("计费重量 1 公斤 · 运费 ¥12.00");
        long before = sending.byStatus(ParcelStatus.AWAITING_COLLECTION, 500).size();
        test($(Button.class).id("send-pay")).click();
        TextField phone = $(TextField.class).id("recipient-phone");
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).contains("手机号不对");
        assertThat(sending.byStatus(ParcelStatus.AWAITING_COLLECTION, 500)).hasSize((int) before);
    }

    @Test
    void theCourierCollectsByScanAndSignsAList() {
        Shipment s = sending.send(new SendRequest("YTO", "张三", "13812345678", "王五", "13900005555", "BJ", "北京市朝阳区建国路 88 号",
                1200, null, null, null));
        CollectionView view = navigate(CollectionView.class);
        view.onScan(new ScanReceived(UUID.randomUUID(), "counter-scanner", "counter-1", s.waybill(), "CODE-128", 1, Instant.now()));
        assertThat(sending.find(s.id()).orElseThrow().status()).isEqualTo(ParcelStatus.COLLECTED);
        assertThat($(Grid.class).id("collect-batch").getGenericDataView().getItems().count()).isEqualTo(1);
        view.onScan(new ScanReceived(UUID.randomUUID(), "counter-scanner", "counter-1", s.waybill(), "CODE-128", 2, Instant.now()));
        assertThat($(TextField.class).id("collect-scan").getErrorMessage()).startsWith("这个包裹已经在").contains("被揽收了");
        test($(Button.class).id("print-collection-lists")).click();
        assertThat($(Grid.class).id("collect-batch").getGenericDataView().getItems().count()).isZero();
    }
}

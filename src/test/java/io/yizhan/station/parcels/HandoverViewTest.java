package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.parcels.ui.HandoverView;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalId;
import io.yizhan.station.terminals.TerminalKind;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

@StationTest
@ViewPackages(packages = "io.yizhan.station")
class HandoverViewTest extends SpringBrowserlessTest {

    @Autowired
    Parcels parcels;
    @Autowired
    SecurityContextHolderStrategy security;

    @BeforeEach
    void signedInClerk() {
        SignedIn.as(security, "clerk", Role.CLERK);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
        // a counter's screen: cash on delivery goes into its drawer
        VaadinSession.getCurrent().setAttribute(Terminal.class,
                new Terminal(new TerminalId("counter-1"),
                        TerminalKind.COUNTER));
    }

    @AfterEach
    void signOut() {
        SignedIn.out(security);
    }

    @SuppressWarnings("unchecked")
    private com.vaadin.flow.component.grid.Grid<Parcel> grid() {
        return $(com.vaadin.flow.component.grid.Grid.class).id("handover-results");
    }

    private static String waybill() {
        return "SF" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    @Test
    void aScannedParcelIsHandedToAProxyWithNameAndPhone() {
        Parcel p = parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, false, null));
        HandoverView view = navigate(HandoverView.class);
        view.onScan(new ScanReceived(UUID.randomUUID(), "counter-scanner", "counter-1", p.waybill(), "CODE-128", 1, Instant.now()));
        test($(Checkbox.class).id("handover-proxy")).click();
        test($(TextField.class).id("proxy-name")).setValue("王阿姨");
        test($(TextField.class).id("proxy-phone")).setValue("13911112222");
        test((Button) test(grid()).getCellComponent(0, 5)).click();
        assertThat(parcels.find(p.id()).orElseThrow().status()).isEqualTo(ParcelStatus.PICKED_UP);
    }

    @Test
    void codeAndPhoneTailFindParcelsAndCashOnDeliveryIsOnTheButton() {
        Parcel p = parcels.checkIn(new CheckIn(waybill(), "13800009999", null, null, false, null, 800L));
        navigate(HandoverView.class);
        test($(TextField.class).id("handover-search")).setValue(p.pickupCode().replace("-", ""));
        test($(Button.class).id("handover-find")).click();
        Button give = (Button) test(grid()).getCellComponent(0, 5);
        assertThat(give.getText()).isEqualTo("收现金 ¥8.00 并交付");
        test(give).click();
        assertThat(parcels.find(p.id()).orElseThrow().status()).isEqualTo(ParcelStatus.PICKED_UP);
    }
}

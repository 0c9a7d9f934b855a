package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.kiosk.WrongCodeGuard;
import io.yizhan.station.kiosk.NumericKeypad;
import io.yizhan.station.kiosk.ui.KioskHomeView;
import io.yizhan.station.parcels.ui.PickupView;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.support.StationTest;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A resident picks up alone: code (or phone), the place shown, a scan of each parcel, done. */
@StationTest
@ViewPackages(packages = "io.yizhan.station")
class PickupViewTest extends SpringBrowserlessTest {

    @Autowired
    Parcels parcels;
    @Autowired
    WrongCodeGuard guard;

    @BeforeEach
    void freshKiosk() {
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(Translations.SIMPLIFIED);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
        guard.succeeded(io.yizhan.station.terminals.CurrentTerminal.name()); // no lock left by another test
        navigate(KioskHomeView.class);
    }

    private static String phone() {
        return "1350000" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    }

    private static String waybill() {
        return "SF" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private void type(String digits) {
        NumericKeypad keypad = $(NumericKeypad.class).single();
        digits.chars().forEach(c -> keypad.type((char) c));
        test($(NativeButton.class).id("keypad-confirm")).click();
    }

    private static ScanReceived scan(String code) {
        return new ScanReceived(UUID.randomUUID(), "kiosk-scanner", "kiosk-1", code, "CODE-128", 1, Instant.now());
    }

    @Test
    void theHomeScreenOffersPickupFirst() {
        // other services' tiles show once they work (买东西 once the catalog is there): pickup comes first, calling staff last
        assertThat($(NativeButton.class).withClassName("kiosk-tile").all()).extracting(b -> b.getId().orElseThrow())
                .startsWith("tile-pickup").contains("tile-consignment").endsWith("tile-call-staff");
    }

    @Test
    void aCodeShowsEveryParcelOfThatPersonAndEachScanTakesOneOut() {
        String phone = phone();
        Parcel a = parcels.checkIn(new CheckIn(waybill(), phone, null, null, false, null));
        Parcel b = parcels.checkIn(new CheckIn(waybill(), phone, null, null, false, null));
        test($(NativeButton.class).id("tile-pickup")).click();
        PickupView view = (PickupView) getCurrentView();
        type(a.pickupCode());
        assertThat($(H1.class).id("pickup-title").getText()).isEqualTo("您有 2 个包裹");
        assertThat($(Span.class).withClassName("pickup-place").all()).extracting(Span::getText)
                .containsExactly(a.shelf() + "号架 " + a.layer() + "层 " + a.pickupCode().substring(4),
                        b.shelf() + "号架 " + b.layer() + "层 " + b.pickupCode().substring(4));

        view.onScan(scan("JT0000000000000"));
        assertThat($(Paragraph.class).id("pickup-message").getText()).contains("不是您的");
        view.onScan(scan(a.waybill()));
        assertThat($(Paragraph.class).id("pickup-message").getText()).isEqualTo("取好一个了，还有 1 个。");
        view.onScan(scan(b.waybill().toLowerCase()));
        assertThat($(H1.class).id("pickup-done").getText()).isEqualTo("取件成功");
        assertThat(parcels.find(a.id()).orElseThrow().status()).isEqualTo(ParcelStatus.PICKED_UP);
        assertThat(parcels.find(b.id()).orElseThrow().status()).isEqualTo(ParcelStatus.PICKED_UP);
    }

    @Test
    void aForgottenCodeIsReplacedByThePhone() {
        String phone = phone();
        Parcel p = parcels.checkIn(new CheckIn(waybill(), phone, null, null, false, null));
        navigate(PickupView.class);
        test($(NativeButton.class).id("pickup-forgot")).click();
        type(phone.substring(7));
        type(phone);
        assertThat($(Span.class).withClassName("pickup-place").all()).hasSize(1);
        assertThat($(Span.class).withClassName("pickup-place").first().getText()).endsWith(p.pickupCode().substring(4));
    }

    @Test
    void fiveWrongCodesLockTheKioskAndCallStaff() {
        navigate(PickupView.class);
        for (int i = 0; i < 4; i++) {
            type("9999999");
            assertThat($(Paragraph.class).id("pickup-message").getText()).startsWith("取件码不对");
        }
        type("9999999");
        assertThat($(H1.class).id("pickup-title").getText()).isEqualTo("请找店员帮忙");
        assertThat($(NumericKeypad.class).exists()).as("no more guessing").isFalse();
    }
}

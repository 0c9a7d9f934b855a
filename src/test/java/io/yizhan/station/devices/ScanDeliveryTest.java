package io.yizhan.station.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yizhan.station.devices.internal.ScanRouter;
import io.yizhan.station.kiosk.ui.KioskHomeView;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.support.StationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A scan reaches the current screen when it takes scans, and becomes a notice when it does not. */
@StationTest
@ViewPackages(packages = "io.yizhan.station")
class ScanDeliveryTest extends SpringBrowserlessTest {

    /** A screen that takes scans, for this test only. */
    @Route("test/scan-consumer")
    @AnonymousAllowed
    public static class ConsumerView extends Div implements ScanConsumer {
        final List<String> codes = new ArrayList<>();

        @Override
        public void onScan(ScanReceived scan) {
            codes.add(scan.code());
        }
    }

    private static ScanReceived scan(String code) {
        return new ScanReceived(UUID.randomUUID(), "counter-scanner", "counter-1", code, ScanReceived.symbologyOf(code), 1, Instant.now());
    }

    @Test
    void aScreenThatTakesScansGetsThem() {
        ConsumerView view = navigate(ConsumerView.class);
        ScanRouter.deliver(UI.getCurrent(), scan("SF1234567890123"));
        assertThat(view.codes).containsExactly("SF1234567890123");
        assertThat($(Notification.class).exists()).isFalse();
    }

    @Test
    void anyOtherScreenShowsANoticeSoNoScanIsSilentlyLost() {
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
        navigate(KioskHomeView.class);
        ScanRouter.deliver(UI.getCurrent(), scan("6901234567892"));
        Notification notice = $(Notification.class).single();
        assertThat(notice.getElement().getProperty("text")).isEqualTo("扫到了 6901234567892，但这个页面不用扫码。");
    }
}

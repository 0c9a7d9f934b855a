package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.parcels.ui.CheckInView;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@StationTest
@ViewPackages(packages = "io.yizhan.station")
class CheckInViewTest extends SpringBrowserlessTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy security;

    /** A signed-in clerk, in the context the station's security reads (whichever strategy is installed). */
    @BeforeEach
    void signedInClerk() {
        SignedIn.as(security, "clerk", io.yizhan.station.staff.Role.CLERK);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        SignedIn.out(security);
    }

    private TextField field(String id) {
        return $(TextField.class).id(id);
    }

    @Test
    void aScanThenAPhoneChecksInAndShowsTheCodeLarge() {
        CheckInView view = navigate(CheckInView.class);
        assertThat(field("waybill").getLabel()).isEqualTo("运单号");
        String waybill = "SF" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        view.onScan(new ScanReceived(UUID.randomUUID(), "counter-scanner", "counter-1", waybill, "CODE-128", 1, Instant.now()));
        assertThat(field("waybill").getValue()).isEqualTo(waybill);
        test(field("phone")).setValue("13812345678");
        test($(Button.class).id("check-in")).click();

        assertThat($(Span.class).id("last-code").getText()).matches("\\d-\\d-\\d{4}");
        assertThat($(Paragraph.class).id("last-place").getText()).contains("号架").contains(waybill);
        assertThat($(Paragraph.class).id("today-count").getText()).startsWith("今天已入库");
        assertThat(field("waybill").getValue()).as("ready for the next scan").isEmpty();
        @SuppressWarnings("unchecked")
        Grid<Parcel> recent = $(Grid.class).id("recent-check-ins");
        assertThat(test(recent).size()).isEqualTo(1);
    }

    @Test
    void aBadPhoneIsMarkedOnThePhoneFieldAndNothingIsLost() {
        navigate(CheckInView.class);
        test(field("waybill")).setValue("JT0001234567890");
        test(field("phone")).setValue("12345");
        test($(Button.class).id("check-in")).click();
        assertThat(field("phone").isInvalid()).isTrue();
        assertThat(field("phone").getErrorMessage()).contains("手机号不对");
        assertThat(field("waybill").getValue()).as("the scanned waybill stays").isEqualTo("JT0001234567890");
    }
}

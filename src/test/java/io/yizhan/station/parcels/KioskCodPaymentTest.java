package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import io.yizhan.station.counter.CounterRequest;
import io.yizhan.station.counter.CounterRequests;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.kiosk.WrongCodeGuard;
import io.yizhan.station.kiosk.NumericKeypad;
import io.yizhan.station.kiosk.ui.KioskHomeView;
import io.yizhan.station.parcels.ui.PickupView;
import io.yizhan.station.payments.internal.PendingPayments;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.StationTest;
import io.yizhan.station.support.WithCentral;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalId;
import io.yizhan.station.terminals.TerminalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A resident picks up a cash-on-delivery parcel at the kiosk and pays with a payment code held
 * under the kiosk scanner (central's sandbox over HTTP): the amount huge, the code, the wait for the
 * password, "付款成功", the parcel theirs. Or they choose to pay cash at the counter and get a number.
 */
@StationTest
@ViewPackages(packages = "io.yizhan.station")
class KioskCodPaymentTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void central(DynamicPropertyRegistry registry) {
        WithCentral.properties(registry);
        // the screen says at once (not after 20 s) that a payment without an answer settles by itself
        registry.add("yizhan.payments.slow-notice", () -> "1ms");
    }

    @Autowired
    Parcels parcels;
    @Autowired
    WrongCodeGuard guard;
    @Autowired
    CounterRequests requests;
    @Autowired
    MutableClock clock;
    @Autowired
    PendingPayments pending;
    @Autowired
    io.yizhan.station.link.CentralLink centralLink;

    @BeforeEach
    void atTheKiosk() {
        VaadinSession.getCurrent().setLocale(Translations.SIMPLIFIED);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
        VaadinSession.getCurrent().setAttribute(Terminal.class, new Terminal(new TerminalId("kiosk-1"), TerminalKind.KIOSK));
        guard.succeeded("kiosk-1");
        navigate(KioskHomeView.class);
    }

    private static ScanReceived scan(String code) {
        return new ScanReceived(UUID.randomUUID(), "kiosk-scanner", "kiosk-1", code, "QR_CODE", 1, Instant.now());
    }

    private PickupView pickUp(Parcel p) {
        test($(NativeButton.class).id("tile-pickup")).click();
        PickupView view = (PickupView) getCurrentView();
        NumericKeypad keypad = $(NumericKeypad.class).single();
        p.pickupCode().chars().forEach(c -> keypad.type((char) c));
        test($(NativeButton.class).id("keypad-confirm")).click();
        view.onScan(scan(p.waybill()));
        return view;
    }

    private Parcel cod(long fen) {
        String waybill = "YT" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        return parcels.checkIn(new CheckIn(waybill, "13700001111", null, null, false, null, fen));
    }

    private String said() {
        return $(Paragraph.class).id("pay-message").getText();
    }

    @Test
    void theResidentPaysWithACodeWaitsForThePasswordAndTakesTheParcel() throws Exception {
        Parcel p = cod(860);
        PickupView view = pickUp(p);
        assertThat($(Span.class).id("pay-amount").getText()).isEqualTo("¥8.60");
        assertThat(said()).contains("付款码");

        view.onScan(scan("not-a-code"));
        assertThat(said()).contains("这不是付款码");
        view.onScan(scan("13" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L)) + "01"));
        assertThat(said()).isEqualTo("请在手机上输入密码");
        assertThat(parcels.find(p.id()).orElseThrow().status()).isEqualTo(ParcelStatus.IN_STORE);

        // the resident types the password; the screen asks each second until the payment is final
        Thread.sleep(WithCentral.CONFIRM_AFTER_MS + 300);
        clock.advance(Duration.ofSeconds(5));
        pending.settleDue();
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, false));
        assertThat(parcels.find(p.id()).orElseThrow().status()).isEqualTo(ParcelStatus.PICKED_UP);
        assertThat($(Paragraph.class).id("pickup-message").getText()).startsWith("付款成功，已付 ¥8.60。");
    }

    @Test
    void orTheyPayCashAtTheCounterWithANumber() {
        Parcel p = cod(1_200);
        pickUp(p);
        test($(NativeButton.class).id("pay-at-counter")).click();
        CounterRequest r = requests.waiting().stream().filter(q -> q.detail().contains(p.waybill())).findFirst().orElseThrow();
        assertThat(r.kind()).isEqualTo("PAY_CASH");
        assertThat(r.fromTerminal()).isEqualTo("kiosk-1");
        assertThat(said()).contains(r.number() + " 号");
        assertThat(parcels.find(p.id()).orElseThrow().status()).isEqualTo(ParcelStatus.IN_STORE);
    }

    @Test
    void whenCentralsAnswerIsLostTheResidentIsToldItWillNotChargeTwice() throws Exception {
        Parcel p = cod(930);
        PickupView view = pickUp(p);
        WithCentral.loseAnswers(centralLink);
        try {
            view.onScan(scan("13" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L)) + "00"));
            assertThat(said()).isEqualTo("请在手机上输入密码");
            Thread.sleep(5);
            UI ui = UI.getCurrent();
            ComponentUtil.fireEvent(ui, new PollEvent(ui, false));
            assertThat(said()).contains("不会重复扣钱");
        } finally {
            WithCentral.link().set(io.yizhan.station.support.CentralSwitch.Mode.PASS);
        }
        // central is back: the payment is found paid by a query, and the parcel is the resident's
        clock.advance(Duration.ofSeconds(5));
        pending.settleDue();
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, false));
        assertThat(parcels.find(p.id()).orElseThrow().status()).isEqualTo(ParcelStatus.PICKED_UP);
    }
}

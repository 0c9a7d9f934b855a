package io.yizhan.station.consignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.yizhan.station.consignment.ui.KioskConsignmentView;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.kiosk.NumericKeypad;
import io.yizhan.station.kiosk.WrongCodeGuard;
import io.yizhan.station.kiosk.ui.KioskHomeView;
import io.yizhan.station.sales.SaleRequest;
import io.yizhan.station.sales.Sales;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * 我的代销 at the kiosk: the number and check code from a receipt (or its barcode) show what sold
 * today, what is left and the balance, huge; a wrong check code shows nothing and counts towards the
 * kiosk's lock.
 */
@StationTest
@ViewPackages(packages = "io.yizhan.station")
class KioskConsignmentViewTest extends SpringBrowserlessTest {

    @Autowired
    Consignors consignors;
    @Autowired
    Lots lots;
    @Autowired
    Sales sales;
    @Autowired
    WrongCodeGuard guard;
    @Autowired
    SecurityContextHolderStrategy security;

    Consignor farmer;

    @BeforeEach
    void aFarmerWithASale() {
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(Translations.SIMPLIFIED);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
        guard.succeeded(CurrentTerminal.name());
        SignedIn.as(security, "clerk", Role.CLERK);
        AtCounter.bind("counter-1");
        try {
            farmer = Farmers.register(consignors, "刘大爷", 10, 7, EndAction.RETURN, null);
            Lot lot = lots.intake(new LotRequest(farmer.id(), "ORANGE-QC", null, null, List.of(2_000L, 3_000L), null, 1_000, "江西赣州", null, null));
            sales.sell(new SaleRequest(List.of(new SaleRequest.Line(lot.labelBarcodes().getFirst(), null, null)), "CASH", null, null,
                    UUID.randomUUID().toString()), null, null);
        } finally {
            AtCounter.unbind();
            SignedIn.out(security);
        }
        navigate(KioskHomeView.class);
    }

    private void type(String digits) {
        NumericKeypad keypad = $(NumericKeypad.class).single();
        digits.chars().forEach(c -> keypad.type((char) c));
        test($(NativeButton.class).id("keypad-confirm")).click();
    }

    @Test
    void numberAndCheckCodeShowTodayWhatIsLeftAndTheBalance() {
        test($(NativeButton.class).id("tile-consignment")).click();
        type(String.valueOf(farmer.accountNo()));
        String code = consignors.checkCode(farmer.accountNo());
        type(wrong(code));
        assertThat($(Paragraph.class).id("consignment-message").getText()).startsWith("编号或查询码不对");
        assertThat($(Span.class).withId("consignment-balance").exists()).isFalse();
        type(code);
        assertThat($(H1.class).id("consignment-summary").getText()).isEqualTo("刘*爷，您好");
        // ¥10.00/kg: the 2 kg bag sold for ¥20.00, 10 % commission: ¥18.00 to the farmer
        assertThat($(Span.class).id("consignment-sold-today").getText()).isEqualTo("¥18.00");
        assertThat($(Span.class).id("consignment-left").getText()).isEqualTo("脐橙 3.000千克");
        assertThat($(Span.class).id("consignment-balance").getText()).isEqualTo("¥18.00");
        test($(NativeButton.class).id("consignment-done")).click();
        assertThat(getCurrentView()).isInstanceOf(KioskHomeView.class);
    }

    @Test
    void theReceiptsBarcodeShowsTheSameAndAnotherBarcodeNothing() {
        navigate(KioskConsignmentView.class);
        KioskConsignmentView view = (KioskConsignmentView) getCurrentView();
        view.onScan(new ScanReceived(UUID.randomUUID(), "kiosk-scanner", "kiosk-1", "6901234567892", "EAN-13", 1, Instant.now()));
        assertThat($(Paragraph.class).id("consignment-message").getText()).startsWith("这不是收货单");
        view.onScan(new ScanReceived(UUID.randomUUID(), "kiosk-scanner", "kiosk-1", consignors.kioskBarcode(farmer), "CODE-128", 1, Instant.now()));
        assertThat($(Span.class).id("consignment-balance").getText()).isEqualTo("¥18.00");
    }

    private static String wrong(String code) {
        return code.charAt(0) == '9' ? "1" + code.substring(1) : (char) (code.charAt(0) + 1) + code.substring(1);
    }
}

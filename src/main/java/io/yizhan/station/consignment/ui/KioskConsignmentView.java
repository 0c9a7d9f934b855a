package io.yizhan.station.consignment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yizhan.station.consignment.Consignor;
import io.yizhan.station.consignment.Consignors;
import io.yizhan.station.consignment.Settlement;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.kiosk.KioskLayout;
import io.yizhan.station.kiosk.KioskScreen;
import io.yizhan.station.kiosk.NumericKeypad;
import io.yizhan.station.kiosk.SpokenPrompt;
import io.yizhan.station.kiosk.CodeEntry;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.PersonalData;
import io.yizhan.station.shared.StationTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 我的代销 at the kiosk: a farmer scans the barcode on any intake receipt or statement (or types the
 * consignor number and the 4-digit check code printed beside it) and sees, huge and spoken, what sold
 * today, what is left at the station and what they are owed. A phone number alone shows nothing;
 * wrong codes count towards the kiosk's lock; the page keeps nothing once left.
 */
@Route(value = "kiosk/consignment", layout = KioskLayout.class)
@AnonymousAllowed
public class KioskConsignmentView extends Div implements KioskScreen, ScanConsumer, HasDynamicTitle {

    private static final Pattern BARCODE = Pattern.compile("YZC(\\d{6,9})-(\\d{4})");

    private final Consignors consignors;
    private final Settlement settlement;
    private final CodeEntry codes;
    private final StationTime time;
    private final H1 title = new H1();
    private final Paragraph message = new Paragraph();
    private final Div body = new Div();
    private final SpokenPrompt spoken = new SpokenPrompt();

    public KioskConsignmentView(Consignors consignors, Settlement settlement, CodeEntry codes, StationTime time) {
        this.consignors = consignors;
        this.settlement = settlement;
        this.codes = codes;
        this.time = time;
        addClassName("kiosk-consignment");
        title.setId("consignment-title");
        message.setId("consignment-message");
        message.addClassName("kiosk-lead");
        message.getElement().setAttribute("role", "status");
        add(title, message, body);
        askNumber();
    }

    private void askNumber() {
        step("consignment.kiosk.number.title", "consignment.kiosk.number.prompt");
        NumericKeypad keypad = new NumericKeypad("consignment.kiosk.number.label", 9, false);
        keypad.addConfirmListener(e -> {
            if (e.value().length() >= 6) {
                askCheckCode(Long.parseLong(e.value()));
            }
        });
        body.add(keypad);
    }

    private void askCheckCode(long accountNo) {
        step("consignment.kiosk.check.title", "consignment.kiosk.check.prompt");
        NumericKeypad keypad = new NumericKeypad("consignment.kiosk.check.label", 4, false);
        keypad.addConfirmListener(e -> {
            if (e.value().length() == 4 && !look(accountNo, e.value())) {
                keypad.clear();
            }
        });
        body.add(keypad);
    }

    /** Shows the consignor when number and check code agree; false (counted as a wrong code) when not. */
    private boolean look(long accountNo, String checkCode) {
        if (locked()) {
            return true;
        }
        Optional<Consignor> found = consignors.byAccount(accountNo, checkCode);
        if (found.isEmpty()) {
            Optional<Instant> lock = codes.wrong();
            if (lock.isPresent()) {
                showLocked(lock.get());
            } else {
                message.setText(getTranslation("consignment.kiosk.wrong"));
                speak(getTranslation("consignment.kiosk.wrong"));
            }
            return false;
        }
        codes.right();
        show(settlement.summary(found.get()));
        return true;
    }

    private boolean locked() {
        Optional<Instant> until = codes.locked();
        until.ifPresent(this::showLocked);
        return until.isPresent();
    }

    private void showLocked(Instant until) {
        body.removeAll();
        title.setText(getTranslation("consignment.kiosk.locked.title"));
        message.setText(getTranslation("consignment.kiosk.locked", time.time(until)));
        speak(message.getText());
    }

    private void show(Settlement.Summary s) {
        body.removeAll();
        title.setId("consignment-summary");
        title.setText(getTranslation("consignment.kiosk.hello", PersonalData.maskName(s.consignor().name())));
        message.setText("");
        List<String> said = new ArrayList<>();
        Div cards = new Div();
        cards.addClassName("pickup-places");
        cards.add(card("consignment-sold-today", getTranslation("consignment.kiosk.sold-today"), Money.yuan(s.soldTodayFen())));
        said.add(getTranslation("consignment.kiosk.sold-today") + " " + Money.yuan(s.soldTodayFen()));
        String left = s.left().isEmpty() ? getTranslation("consignment.kiosk.nothing-left")
                : String.join("，", s.left().stream().map(l -> l.productName() + " " + Quantities.text(l.unit(), l.quantity(), getLocale())).toList());
        cards.add(card("consignment-left", getTranslation("consignment.kiosk.left"), left));
        said.add(getTranslation("consignment.kiosk.left") + " " + left);
        cards.add(card("consignment-balance", getTranslation("consignment.kiosk.balance"), Money.yuan(s.balanceFen())));
        said.add(getTranslation("consignment.kiosk.balance") + " " + Money.yuan(s.balanceFen()));
        if (s.pendingFen() != 0) {
            Span pending = new Span(getTranslation("consignment.kiosk.pending", Money.yuan(s.pendingFen())));
            pending.addClassName("pickup-courier");
            cards.add(pending);
        }
        NativeButton done = new NativeButton(getTranslation("consignment.kiosk.done"), e -> UI.getCurrent().navigate("kiosk"));
        done.setId("consignment-done");
        done.addClassNames("kiosk-button", "primary");
        body.add(cards, done);
        speak(String.join("。", said));
    }

    private static Div card(String id, String label, String value) {
        Span small = new Span(label);
        small.addClassName("pickup-courier");
        Span big = new Span(value);
        big.addClassName("pickup-place");
        big.setId(id);
        Div card = new Div(small, big);
        card.addClassName("pickup-card");
        return card;
    }

    @Override
    public void onScan(ScanReceived scan) {
        Matcher m = BARCODE.matcher(scan.code().strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            message.setText(getTranslation("consignment.kiosk.not-ours"));
            speak(getTranslation("consignment.kiosk.not-ours"));
            return;
        }
        look(Long.parseLong(m.group(1)), m.group(2));
    }

    private void step(String titleKey, String promptKey) {
        body.removeAll();
        title.setText(getTranslation(titleKey));
        message.setText(getTranslation(promptKey));
        spoken.set(getTranslation(promptKey));
    }

    private void speak(String text) {
        spoken.say(this, text);
    }

    @Override
    public String promptKey() {
        return "consignment.kiosk.number.prompt";
    }

    @Override
    public Optional<String> spokenText() {
        return spoken.text();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.kiosk.consignment");
    }
}

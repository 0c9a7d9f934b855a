package io.yizhan.station.shopping.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.kiosk.KioskLayout;
import io.yizhan.station.kiosk.KioskScreen;
import io.yizhan.station.kiosk.NumericKeypad;
import io.yizhan.station.kiosk.SpokenPrompt;
import io.yizhan.station.kiosk.CodeEntry;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shopping.ShopOrder;
import io.yizhan.station.shopping.Shopping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 我的订单 at the kiosk: the resident scans the QR code on the order receipt, or types the phone
 * number and the receipt's 4-digit check code, and sees and hears each of their orders' state in
 * words. A phone number alone shows nothing; wrong codes count towards the kiosk's lock.
 */
@Route(value = "kiosk/orders", layout = KioskLayout.class)
@AnonymousAllowed
public class KioskOrdersView extends Div implements KioskScreen, ScanConsumer, HasDynamicTitle {

    private final Shopping shopping;
    private final CodeEntry codes;
    private final StationTime time;
    private final H1 title = new H1();
    private final Paragraph message = new Paragraph();
    private final Div body = new Div();
    private final SpokenPrompt spoken = new SpokenPrompt();

    public KioskOrdersView(Shopping shopping, CodeEntry codes, StationTime time) {
        this.shopping = shopping;
        this.codes = codes;
        this.time = time;
        addClassName("kiosk-orders");
        title.setId("orders-title");
        message.setId("orders-message");
        message.addClassName("kiosk-lead");
        message.getElement().setAttribute("role", "status");
        add(title, message, body);
        askPhone();
    }

    private void askPhone() {
        step("shopping.kiosk.orders.title", "shopping.kiosk.orders.prompt");
        NumericKeypad keypad = new NumericKeypad("shopping.kiosk.orders.phone", 11, false);
        keypad.addConfirmListener(e -> {
            if (e.value().length() == 11) {
                askCheckCode(e.value());
            }
        });
        body.add(keypad);
    }

    private void askCheckCode(String phone) {
        step("shopping.kiosk.orders.check.title", "shopping.kiosk.orders.check.prompt");
        NumericKeypad keypad = new NumericKeypad("shopping.kiosk.orders.check", 4, false);
        keypad.addConfirmListener(e -> {
            if (e.value().length() == 4 && !look(safe(() -> shopping.byPhoneAndCode(phone, e.value())))) {
                keypad.clear();
            }
        });
        body.add(keypad);
    }

    private static Optional<ShopOrder> safe(java.util.function.Supplier<Optional<ShopOrder>> find) {
        try {
            return find.get();
        } catch (io.yizhan.station.shared.CodedRefusal e) {
            return Optional.empty();
        }
    }

    /** Shows the resident's orders when the code proves whose they are; false (a wrong code counted) when not. */
    private boolean look(Optional<ShopOrder> found) {
        Optional<Instant> locked = codes.locked();
        if (locked.isPresent()) {
            showLocked(locked.get());
            return true;
        }
        if (found.isEmpty()) {
            Optional<Instant> lock = codes.wrong();
            if (lock.isPresent()) {
                showLocked(lock.get());
            } else {
                message.setText(getTranslation("shopping.kiosk.orders.wrong"));
                spoken.say(this, message.getText());
            }
            return false;
        }
        codes.right();
        show(shopping.ofResident(found.get().residentId()));
        return true;
    }

    private void show(List<ShopOrder> orders) {
        body.removeAll();
        title.setText(getTranslation("shopping.kiosk.orders.yours"));
        message.setText("");
        List<String> said = new ArrayList<>();
        Div cards = new Div();
        cards.addClassName("pickup-places");
        for (ShopOrder o : orders.stream().limit(4).toList()) {
            String what = o.lines().getFirst().name() + (o.lines().size() > 1 ? getTranslation("shopping.kiosk.orders.more", o.lines().size()) : "");
            String state = getTranslation("shopping.kiosk.state." + o.status());
            Span small = new Span(what + " · " + Money.yuan(o.totalFen()) + " · " + time.dateTime(o.createdAt()));
            small.addClassName("pickup-courier");
            Span big = new Span(state);
            big.addClassName("pickup-place");
            big.setId("order-state-" + o.orderNo());
            Div card = new Div(small, big);
            card.addClassName("pickup-card");
            cards.add(card);
            said.add(what + "，" + state);
        }
        NativeButton done = new NativeButton(getTranslation("shopping.kiosk.done"), e -> UI.getCurrent().navigate("kiosk"));
        done.setId("orders-done");
        done.addClassNames("kiosk-button", "primary");
        body.add(cards, done);
        spoken.say(this, String.join("。", said));
    }

    private void showLocked(Instant until) {
        body.removeAll();
        title.setText(getTranslation("consignment.kiosk.locked.title"));
        message.setText(getTranslation("consignment.kiosk.locked", time.time(until)));
        spoken.say(this, message.getText());
    }

    @Override
    public void onScan(ScanReceived scan) {
        Optional<ShopOrder> found = shopping.byReceiptCode(scan.code());
        if (found.isEmpty() && !scan.code().strip().startsWith("YZO:")) {
            message.setText(getTranslation("shopping.kiosk.orders.not-ours"));
            spoken.say(this, message.getText());
            return;
        }
        look(found);
    }

    private void step(String titleKey, String promptKey) {
        body.removeAll();
        title.setText(getTranslation(titleKey));
        message.setText(getTranslation(promptKey));
        spoken.set(getTranslation(promptKey));
    }

    @Override
    public String promptKey() {
        return "shopping.kiosk.orders.prompt";
    }

    @Override
    public Optional<String> spokenText() {
        return spoken.text();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.kiosk.orders");
    }
}

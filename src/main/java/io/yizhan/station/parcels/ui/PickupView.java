package io.yizhan.station.parcels.ui;

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
import io.yizhan.station.kiosk.StaffCalls;
import io.yizhan.station.kiosk.WrongCodeGuard;
import io.yizhan.station.parcels.Parcel;
import io.yizhan.station.parcels.ParcelRefused;
import io.yizhan.station.parcels.Parcels;
import io.yizhan.station.payments.KioskPay;
import io.yizhan.station.payments.KioskPayStep;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 取快递 at the kiosk, one decision per step: type the pickup code on the keypad (or, having
 * forgotten it, the phone's last four digits and then the whole number); the kiosk shows and speaks
 * where each parcel is; the resident takes it and scans its label; "取件成功". Wrong codes are
 * throttled per kiosk and call staff when the kiosk locks.
 */
@Route(value = "kiosk/pickup", layout = KioskLayout.class)
@AnonymousAllowed
public class PickupView extends Div implements KioskScreen, ScanConsumer, HasDynamicTitle {

    private final Parcels parcels;
    private final WrongCodeGuard guard;
    private final StaffCalls staff;
    private final StationTime time;
    private final Div body = new Div();
    private final H1 title = new H1();
    private final Paragraph message = new Paragraph();
    private final Map<UUID, Parcel> waiting = new LinkedHashMap<>();
    private final List<Parcel> taken = new ArrayList<>();
    private final SpokenPrompt spoken = new SpokenPrompt();
    private final KioskPay kioskPay;
    private @Nullable KioskPayStep paying;
    private String tail = "";

    public PickupView(Parcels parcels, WrongCodeGuard guard, StaffCalls staff, StationTime time, KioskPay kioskPay) {
        this.parcels = parcels;
        this.kioskPay = kioskPay;
        this.guard = guard;
        this.staff = staff;
        this.time = time;
        addClassName("kiosk-pickup");
        message.setId("pickup-message");
        message.addClassName("kiosk-lead");
        message.getElement().setAttribute("role", "status");
        title.setId("pickup-title");
        add(title, message, body);
        askCode();
    }

    private String terminal() {
        return CurrentTerminal.name();
    }

    private boolean locked() {
        Optional<Instant> until = guard.lockedUntil(terminal());
        until.ifPresent(u -> showLocked(u));
        return until.isPresent();
    }

    private void askCode() {
        step("parcels.pickup.code.title", "parcels.pickup.code.prompt");
        NumericKeypad keypad = new NumericKeypad("parcels.pickup-code", 10, true);
        keypad.addConfirmListener(e -> {
            if (locked()) {
                return;
            }
            Optional<Parcel> found = parcels.byCode(e.value());
            if (found.isEmpty()) {
                failed("parcels.pickup.code.wrong");
                keypad.clear();
                return;
            }
            guard.succeeded(terminal());
            show(parcels.sameRecipient(found.get().id()));
        });
        NativeButton forgot = button("pickup-forgot", "parcels.pickup.forgot", "secondary", this::askTail);
        body.add(keypad, forgot);
    }

    private void askTail() {
        step("parcels.pickup.tail.title", "parcels.pickup.tail.prompt");
        NumericKeypad keypad = new NumericKeypad("parcels.pickup.tail.label", 4, false);
        keypad.addConfirmListener(e -> {
            if (e.value().length() == 4) {
                tail = e.value();
                askPhone();
            }
        });
        body.add(keypad);
    }

    private void askPhone() {
        step("parcels.pickup.phone.title", "parcels.pickup.phone.prompt");
        NumericKeypad keypad = new NumericKeypad("parcels.pickup.phone.label", 11, false);
        keypad.addConfirmListener(e -> {
            if (locked()) {
                return;
            }
            List<Parcel> found = parcels.byPhone(tail, e.value());
            if (found.isEmpty()) {
                failed("parcels.pickup.phone.wrong");
                keypad.clear();
                return;
            }
            guard.succeeded(terminal());
            show(found);
        });
        body.add(keypad);
    }

    private void show(List<Parcel> found) {
        waiting.clear();
        found.forEach(p -> waiting.put(p.id(), p));
        render();
    }

    private void render() {
        body.removeAll();
        if (waiting.isEmpty()) {
            step("parcels.pickup.done.title", "parcels.pickup.done.prompt");
            title.setId("pickup-done");
            body.add(button("pickup-finish", "parcels.pickup.finish", "primary",
                    () -> UI.getCurrent().navigate("kiosk")));
            speak(getTranslation("parcels.pickup.done.prompt"));
            return;
        }
        title.setText(getTranslation("parcels.pickup.places.title", waiting.size()));
        message.setText(getTranslation("parcels.pickup.places.prompt"));
        Div list = new Div();
        list.addClassName("pickup-places");
        List<String> sayings = new ArrayList<>();
        for (Parcel p : waiting.values()) {
            String place = place(p);
            Span big = new Span(place);
            big.addClassName("pickup-place");
            Span small = new Span(getTranslation("parcels.pickup.courier", p.courier(), p.waybill().substring(Math.max(0, p.waybill().length() - 4)))
                    + (p.cashOnDelivery() ? " · " + getTranslation("parcels.pickup.cod", io.yizhan.station.shared.Money.yuan(p.codFen())) : ""));
            small.addClassName("pickup-courier");
            Div card = new Div(big, small);
            card.addClassName("pickup-card");
            list.add(card);
            sayings.add(place);
        }
        body.add(list, button("pickup-help", "kiosk.tile.call-staff", "secondary", () -> {
            staff.call(terminal());
            message.setText(getTranslation("kiosk.call-staff.detail"));
        }));
        speak(getTranslation("parcels.pickup.places.prompt") + " " + String.join("，", sayings));
    }

    private String place(Parcel p) {
        String number = p.pickupCode().substring(p.pickupCode().lastIndexOf('-') + 1);
        return p.shelf() == 0 ? getTranslation("parcels.pickup.place.overflow", number)
                : getTranslation("parcels.pickup.place", p.shelf(), p.layer(), number);
    }

    /** Cash on delivery at the kiosk: the shared pay step, then the parcel is the resident's. */
    private void pay(Parcel p) {
        body.removeAll();
        title.setText(getTranslation("parcels.pickup.pay.title"));
        paying = kioskPay.step(p.codFen(), Parcels.codPurpose(p), payment -> {
            parcels.pickUpPaid(p.id(), payment.id());
            paying = null;
            waiting.remove(p.id());
            taken.add(p);
            String paidText = getTranslation("payments.kiosk.paid", io.yizhan.station.shared.Money.yuan(payment.amountFen()));
            render();
            message.setText(paidText + " " + message.getText());
        }, this::speak);
        body.add(paying);
    }

    /** The resident scanned a parcel's label at the kiosk (or, while paying, a payment code). */
    @Override
    public void onScan(ScanReceived scan) {
        if (paying != null) {
            paying.onScan(scan);
            return;
        }
        if (waiting.isEmpty()) {
            return;
        }
        String code = scan.code().strip().toUpperCase(java.util.Locale.ROOT);
        Optional<Parcel> match = waiting.values().stream().filter(p -> p.waybill().equals(code)).findFirst();
        if (match.isEmpty()) {
            message.setText(getTranslation("parcels.pickup.not-yours"));
            speak(getTranslation("parcels.pickup.not-yours"));
            return;
        }
        try {
            parcels.pickUp(match.get().id(), null, null);
        } catch (ParcelRefused refused) {
            if (refused.code().equals("COD_UNPAID")) {
                pay(match.get());
                return;
            }
            // already handed over at the counter: nothing left to do for this one
        }
        waiting.remove(match.get().id());
        taken.add(match.get());
        render();
        if (!waiting.isEmpty()) {
            message.setText(getTranslation("parcels.pickup.one-done", waiting.size()));
        }
    }

    private void failed(String key) {
        Optional<Instant> lock = guard.failed(terminal());
        if (lock.isPresent()) {
            staff.call(terminal());
            showLocked(lock.get());
        } else {
            message.setText(getTranslation(key));
            speak(getTranslation(key));
        }
    }

    private void showLocked(Instant until) {
        body.removeAll();
        title.setText(getTranslation("parcels.pickup.locked.title"));
        message.setText(getTranslation("parcels.pickup.locked", time.time(until)));
        speak(message.getText());
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

    private NativeButton button(String id, String key, String style, Runnable action) {
        NativeButton b = new NativeButton(getTranslation(key), e -> action.run());
        b.setId(id);
        b.addClassNames("kiosk-button", style);
        return b;
    }

    @Override
    public String promptKey() {
        return "parcels.pickup.code.prompt";
    }

    @Override
    public Optional<String> spokenText() {
        return spoken.text();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.kiosk.pickup");
    }
}

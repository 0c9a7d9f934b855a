package io.yizhan.station.bills.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yizhan.contract.Billers;
import io.yizhan.station.bills.BillKind;
import io.yizhan.station.bills.Bills;
import io.yizhan.station.kiosk.KioskLayout;
import io.yizhan.station.kiosk.NumericKeypad;
import io.yizhan.station.payments.KioskPay;
import io.yizhan.station.shared.CodedRefusal;
import io.yizhan.station.shared.Money;

/**
 * 充话费 at the kiosk: the number typed twice on the keypad (a wrong digit tops up a stranger), the
 * carrier the aggregator names shown, the amount as six big buttons, then the payment code at the
 * kiosk scanner and the result in words, spoken.
 */
@Route(value = "kiosk/topup", layout = KioskLayout.class)
@AnonymousAllowed
public class KioskTopUpView extends KioskBillScreen implements HasDynamicTitle {

    public KioskTopUpView(Bills bills, KioskPay kioskPay) {
        super(bills, kioskPay);
        first();
    }

    private void first() {
        step(getTranslation("bills.kiosk.topup.title"), getTranslation("bills.kiosk.topup.phone"));
        NumericKeypad keypad = new NumericKeypad("bills.kiosk.topup.phone.label", 11, false);
        keypad.addConfirmListener(e -> {
            if (Billers.mobile(e.value())) {
                again(e.value());
            } else {
                message.setText(getTranslation("bills.error.phone"));
                say(message.getText());
            }
        });
        body.add(keypad);
    }

    private void again(String phone) {
        step(getTranslation("bills.kiosk.topup.title"), getTranslation("bills.kiosk.topup.again"));
        NumericKeypad keypad = new NumericKeypad("bills.kiosk.topup.again.label", 11, false);
        keypad.addConfirmListener(e -> {
            if (e.value().equals(phone)) {
                amounts(phone);
            } else {
                first();
                message.setText(getTranslation("bills.kiosk.topup.different"));
                say(message.getText());
            }
        });
        body.add(keypad);
    }

    private void amounts(String phone) {
        String carrier;
        try {
            carrier = bills.carrier(phone);
        } catch (CodedRefusal refused) {
            refused(refused);
            return;
        }
        step(getTranslation("bills.kiosk.topup.amount.title"), getTranslation("bills.kiosk.topup.amount", carrier, Billers.mask(phone)));
        Span who = new Span(carrier + " " + Billers.mask(phone));
        who.setId("topup-carrier");
        who.addClassName("pickup-place");
        Div card = new Div(who);
        card.addClassName("pickup-card");
        Div buttons = new Div();
        buttons.addClassName("shop-cards");
        Billers.DENOMINATIONS.stream().sorted().forEach(fen -> {
            NativeButton b = new NativeButton(Money.yuan(fen), e -> pay(BillKind.TOPUP, phone, fen));
            b.setId("topup-" + fen / 100);
            b.addClassNames("kiosk-button", "choice");
            buttons.add(b);
        });
        NativeButton back = button("bills-back", "bills.kiosk.back", "secondary");
        back.addClickListener(e -> first());
        body.add(card, buttons, back);
    }

    @Override
    public String promptKey() {
        return "bills.kiosk.topup.phone";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.kiosk.topup");
    }
}

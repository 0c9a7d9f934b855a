package io.yizhan.station.bills.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yizhan.station.bills.BillKind;
import io.yizhan.station.bills.Bills;
import io.yizhan.station.counter.CounterRequest;
import io.yizhan.station.counter.CounterRequests;
import io.yizhan.station.kiosk.KioskLayout;
import io.yizhan.station.kiosk.NumericKeypad;
import io.yizhan.station.payments.KioskPay;
import io.yizhan.station.shared.CodedRefusal;
import io.yizhan.station.shared.Money;
import io.yizhan.station.terminals.CurrentTerminal;

/**
 * 缴费 at the kiosk, for a resident alone with a paper bill: water, electricity or gas as picture
 * tiles; the 户号 on the keypad or the bill's barcode under the kiosk scanner; the holder (masked),
 * the month and the amount due shown huge and spoken — "是您家吗？"; then the payment code at the
 * kiosk scanner, or 到柜台付现金 (a numbered request on the counter's queue); the result in words.
 * With central away nothing is accepted here: the resident is told to come to the counter.
 */
@Route(value = "kiosk/bills", layout = KioskLayout.class)
@AnonymousAllowed
public class KioskBillsView extends KioskBillScreen implements HasDynamicTitle {

    private final CounterRequests requests;

    public KioskBillsView(Bills bills, KioskPay kioskPay, CounterRequests requests) {
        super(bills, kioskPay);
        this.requests = requests;
        choose();
    }

    private void choose() {
        step(getTranslation("bills.kiosk.title"), getTranslation("bills.kiosk.choose"));
        Div tiles = new Div();
        tiles.addClassName("kiosk-tiles");
        tile(tiles, BillKind.WATER, VaadinIcon.DROP);
        tile(tiles, BillKind.ELECTRICITY, VaadinIcon.LIGHTBULB);
        tile(tiles, BillKind.GAS, VaadinIcon.FIRE);
        body.add(tiles);
    }

    private void tile(Div tiles, BillKind kind, VaadinIcon icon) {
        NativeButton tile = new NativeButton();
        tile.setId("bills-kind-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        tile.addClassName("kiosk-tile");
        Span picture = new Span(icon.create());
        picture.addClassName("kiosk-tile-icon");
        tile.add(picture, new Span(getTranslation("bills.kind." + kind)));
        tile.addClickListener(e -> account(kind));
        tiles.add(tile);
    }

    private void account(BillKind kind) {
        step(getTranslation("bills.kind." + kind), getTranslation("bills.kiosk.account"));
        NumericKeypad keypad = new NumericKeypad("bills.kiosk.account.label", 10, false);
        keypad.addConfirmListener(e -> {
            if (e.value().length() == 10) {
                lookup(kind, e.value());
            } else {
                message.setText(getTranslation("bills.kiosk.account.short"));
                say(message.getText());
            }
        });
        NativeButton back = button("bills-back", "bills.kiosk.back", "secondary");
        back.addClickListener(e -> choose());
        body.add(keypad, back);
    }

    /** A paper bill's barcode ({@code W-3301234560}): its kind and account at once. */
    @Override
    protected void scanned(String code) {
        BillKind.paperBill(code).ifPresent(bill -> lookup(bill.kind(), bill.account()));
    }

    private void lookup(BillKind kind, String account) {
        Bills.Due due;
        try {
            due = bills.lookup(kind.name(), account);
        } catch (CodedRefusal refused) {
            refused(refused);
            NativeButton again = button("bills-again", "bills.kiosk.again", "secondary");
            again.addClickListener(e -> account(kind));
            body.addComponentAsFirst(again);
            return;
        }
        confirm(due);
    }

    /** 是您家吗？ The essentials huge and spoken; yes → pay here, or pay cash at the counter, or type again. */
    private void confirm(Bills.Due due) {
        String masked = io.yizhan.contract.Billers.mask(due.account());
        step(getTranslation("bills.kiosk.confirm.title"), getTranslation("bills.kiosk.confirm", due.billerName(), due.holderMasked(), period(this, due.period()),
                Money.yuan(due.amountDueFen())));
        Div card = new Div();
        card.addClassName("pickup-card");
        Span who = new Span(getTranslation("bills.kiosk.confirm.holder", due.holderMasked(), masked));
        who.setId("bills-holder");
        who.addClassName("pickup-courier");
        Span period = new Span(getTranslation("bills.kiosk.confirm.period", due.billerName(), period(this, due.period())));
        period.addClassName("pickup-courier");
        Span amount = new Span(Money.yuan(due.amountDueFen()));
        amount.setId("bills-amount");
        amount.addClassName("kiosk-pay-amount");
        card.add(who, period, amount);
        NativeButton yes = button("bills-yes", "bills.kiosk.yes", "primary");
        yes.addClassName("huge");
        yes.addClickListener(e -> pay(due.kind(), due.account(), due.amountDueFen()));
        NativeButton counter = button("bills-at-counter", "bills.kiosk.at-counter", "secondary");
        counter.addClickListener(e -> atCounter(due));
        NativeButton no = button("bills-no", "bills.kiosk.no", "secondary");
        no.addClickListener(e -> account(due.kind()));
        Div choices = new Div(yes, counter, no);
        choices.addClassName("bills-choices");
        body.add(card, choices);
    }

    /** 到柜台付现金: a numbered request that opens 缴费 at the counter with this bill. */
    private void atCounter(Bills.Due due) {
        CounterRequest r = requests.post("BILL", getTranslation("bills.kiosk.request.detail", getTranslation("bills.kind." + due.kind()),
                        io.yizhan.contract.Billers.mask(due.account()), Money.yuan(due.amountDueFen())), CurrentTerminal.name(),
                "counter/bills?kind=" + due.kind() + "&account=" + due.account());
        step(getTranslation("bills.kiosk.request.title"), getTranslation("bills.kiosk.request", r.number()));
        Span number = new Span(String.valueOf(r.number()));
        number.setId("bills-request-number");
        number.addClassName("pickup-place");
        Div card = new Div(number);
        card.addClassName("pickup-card");
        body.add(card, done());
    }

    @Override
    public String promptKey() {
        return "bills.kiosk.choose";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.kiosk.bills");
    }
}

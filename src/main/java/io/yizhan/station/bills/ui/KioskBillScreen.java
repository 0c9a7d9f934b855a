package io.yizhan.station.bills.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.yizhan.station.bills.BillKind;
import io.yizhan.station.bills.BillPayment;
import io.yizhan.station.bills.BillStatus;
import io.yizhan.station.bills.Bills;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.kiosk.KioskScreen;
import io.yizhan.station.kiosk.SpokenPrompt;
import io.yizhan.station.payments.KioskPay;
import io.yizhan.station.payments.KioskPayStep;
import io.yizhan.station.payments.Payment;
import io.yizhan.station.shared.CodedRefusal;
import io.yizhan.station.shared.Money;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the kiosk's 缴费 and 充话费 share: one decision per screen (a heading, a sentence shown and
 * spoken, big buttons), the shared pay step under the order's own payment key, and the result in
 * words, spoken — written off, still being written off, or not paid and the money on its way back.
 */
abstract class KioskBillScreen extends Div implements KioskScreen, ScanConsumer {

    protected final Bills bills;
    private final KioskPay kioskPay;
    protected final H1 title = new H1();
    protected final Paragraph message = new Paragraph();
    protected final Div body = new Div();
    private final SpokenPrompt spoken = new SpokenPrompt();
    private @Nullable KioskPayStep paying;

    KioskBillScreen(Bills bills, KioskPay kioskPay) {
        this.bills = bills;
        this.kioskPay = kioskPay;
        addClassName("kiosk-bills");
        title.setId("bills-title");
        message.setId("bills-message");
        message.addClassName("kiosk-lead");
        message.getElement().setAttribute("role", "status");
        body.addClassName("shop-body");
        add(title, message, body);
    }

    /** Opens the order and shows the pay step; a refusal (central away, already paid) said plainly, nothing taken. */
    protected void pay(BillKind kind, String account, long amountFen) {
        BillPayment b;
        try {
            b = bills.openAtKiosk(kind, account, amountFen);
        } catch (CodedRefusal refused) {
            refused(refused);
            return;
        }
        step(getTranslation("bills.kiosk.pay.title"), getTranslation("bills.kiosk.pay.prompt." + (kind == BillKind.TOPUP ? "topup" : "bill"),
                getTranslation("bills.kind." + kind), b.accountMasked(), Money.yuan(b.amountFen())));
        paying = kioskPay.step(b.amountFen(), getTranslation("bills.payment.purpose." + kind, b.accountMasked()), Bills.paymentKey(b),
                payment -> paid(b, payment), text -> spoken.say(this, text));
        body.add(paying);
    }

    private void paid(BillPayment b, Payment payment) {
        paying = null;
        BillPayment after;
        try {
            after = bills.settle(b.id(), payment);
        } catch (CodedRefusal refused) {
            refused(refused);
            return;
        }
        result(after);
    }

    /** The outcome in words, spoken: the amount and what happened to it. */
    protected void result(BillPayment b) {
        BillStatus s = b.status();
        String outcome = (s == BillStatus.SUCCEEDED ? "done" : s == BillStatus.FAILED || s == BillStatus.REFUNDED ? "refunded" : "pending")
                + (b.kind() == BillKind.TOPUP ? ".topup" : "");
        step(getTranslation("bills.kiosk.result." + outcome + ".title"),
                getTranslation("bills.kiosk.result." + outcome, getTranslation("bills.kind." + b.kind()), b.accountMasked(), Money.yuan(b.amountFen())));
        Span amount = new Span(Money.yuan(b.amountFen()));
        amount.setId("bills-result-amount");
        amount.addClassName("pickup-place");
        Span what = new Span(getTranslation("bills.kiosk.result." + outcome + ".short"));
        what.setId("bills-result");
        what.addClassName("pickup-courier");
        Div card = new Div(what, amount);
        card.addClassName("pickup-card");
        body.add(card, done());
    }

    /** A refusal said plainly, with the way on (home). */
    protected void refused(CodedRefusal refused) {
        step(getTranslation(refused.code().equals("CENTRAL_UNREACHABLE") ? "bills.kiosk.away.title" : "bills.kiosk.refused.title"),
                getTranslation(refused.code().equals("CENTRAL_UNREACHABLE") ? "bills.kiosk.away" : refused.messageKey(), refused.args()));
        body.add(done());
    }

    protected NativeButton done() {
        NativeButton done = button("bills-done", "bills.kiosk.done", "primary");
        done.addClickListener(e -> UI.getCurrent().navigate("kiosk"));
        return done;
    }

    protected NativeButton button(String id, String key, String kind) {
        NativeButton b = new NativeButton(getTranslation(key));
        b.setId(id);
        b.addClassNames("kiosk-button", kind);
        return b;
    }

    protected void step(String heading, String prompt) {
        paying = null;
        body.removeAll();
        title.setText(heading);
        message.setText(prompt);
        spoken.say(this, prompt);
    }

    protected void say(String sentence) {
        spoken.say(this, sentence);
    }

    /** While the pay step shows, the kiosk scanner reads the resident's payment code; otherwise the screen's own use of a scan. */
    @Override
    public void onScan(ScanReceived scan) {
        if (paying != null) {
            paying.onScan(scan);
        } else {
            scanned(scan.code());
        }
    }

    /** A code scanned while no payment is asked for (a paper bill's barcode). */
    protected void scanned(String code) {
    }

    /** A bill's month ({@code 2026-10}) as people say it: 2026年10月. */
    static String period(com.vaadin.flow.component.Component c, String period) {
        try {
            java.time.YearMonth m = java.time.YearMonth.parse(period);
            return c.getTranslation("bills.period", String.valueOf(m.getYear()), m.getMonthValue());
        } catch (java.time.format.DateTimeParseException e) {
            return period;
        }
    }

    @Override
    public Optional<String> spokenText() {
        return spoken.text();
    }
}

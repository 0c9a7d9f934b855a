package io.yizhan.station.bills.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.contract.Billers;
import io.yizhan.station.bills.BillKind;
import io.yizhan.station.bills.BillPayment;
import io.yizhan.station.bills.BillStatus;
import io.yizhan.station.bills.Bills;
import io.yizhan.station.bills.SocialSecurity;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.RefusedException;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * 缴费 at the counter: the service as big icon buttons (water, electricity, gas, phone top-up,
 * social security); a paper bill's barcode scanned or the account typed; the masked holder, the
 * month and the amount due; cash or the payment code; the write-off's result. With central away, a
 * bill is accepted in cash for the amount on the paper bill and paid when the link is back. Below:
 * today's bill payments by state, and the rare stuck one settled by a manager with a note.
 */
@Route(value = "counter/bills", layout = CounterLayout.class)
@Menu(order = 19.95, title = "menu.counter.bills")
@RolesAllowed(Role.CLERK_NAME)
public class BillsView extends Div implements HasDynamicTitle, BeforeEnterObserver, ScanConsumer {

    private final Bills bills;
    private final SocialSecurity socialSecurity;
    private final StationTime time;
    private final Map<BillKind, Button> kinds = new EnumMap<>(BillKind.class);
    private final Button social = new Button();
    private final Div form = new Div();
    private final Paragraph outcome = new Paragraph();
    private final Span change = new Span();
    private final io.yizhan.station.payments.Payments payments;
    private final Paragraph summary = new Paragraph();
    private final Grid<BillPayment> today = new Grid<>();
    private final TextField note = new TextField();
    private @Nullable UUID current;
    private String idempotencyKey = UUID.randomUUID().toString();
    private final Clock clock;
    private com.vaadin.flow.shared.@Nullable Registration poll;
    /** What the list shows (each order's id and status), to redraw it only when that changes. */
    private String shown = "";

    public BillsView(Bills bills, SocialSecurity socialSecurity, StationTime time, Clock clock, io.yizhan.station.payments.Payments payments) {
        this.bills = bills;
        this.payments = payments;
        this.socialSecurity = socialSecurity;
        this.time = time;
        this.clock = clock;
        addClassName("counter-page");
        add(new H1(getTranslation("bills.counter.title")));
        HorizontalLayout services = new HorizontalLayout();
        services.setWrap(true);
        services.addClassName("bills-services");
        for (BillKind kind : BillKind.values()) {
            Button b = new Button(getTranslation("bills.kind." + kind), icon(kind).create(), e -> show(kind, null));
            b.setId("bills-kind-" + kind.name().toLowerCase(Locale.ROOT));
            b.addClassName("bills-service");
            kinds.put(kind, b);
            services.add(b);
        }
        social.setText(getTranslation("bills.social.title"));
        social.setIcon(VaadinIcon.USER_CARD.create());
        social.setId("bills-kind-social");
        social.addClassName("bills-service");
        social.addClickListener(e -> showSocial());
        services.add(social);
        outcome.setId("bills-outcome");
        outcome.addClassName("pay-result");
        outcome.getElement().setAttribute("role", "status");
        change.setId("bills-change");
        change.addClassName("pay-change");
        add(services, form, outcome, change);

        add(new H2(getTranslation("bills.counter.today")));
        summary.setId("bills-summary");
        note.setId("bills-note");
        note.setLabel(getTranslation("bills.counter.note"));
        note.setMaxLength(200);
        note.setWidth("28em");
        today.setId("bills-today");
        today.addColumn(b -> time.time(b.createdAt())).setHeader(getTranslation("bills.counter.at")).setAutoWidth(true);
        today.addColumn(b -> getTranslation("bills.kind." + b.kind())).setHeader(getTranslation("bills.counter.kind")).setAutoWidth(true);
        today.addColumn(BillPayment::accountMasked).setHeader(getTranslation("bills.counter.account")).setAutoWidth(true);
        today.addColumn(b -> Money.yuan(b.amountFen())).setHeader(getTranslation("bills.counter.amount")).setAutoWidth(true);
        today.addColumn(b -> getTranslation("bills.status." + b.status())).setHeader(getTranslation("bills.counter.status")).setAutoWidth(true);
        today.addColumn(b -> b.writeOffRef() == null ? "" : b.writeOffRef()).setHeader(getTranslation("bills.counter.ref")).setAutoWidth(true);
        today.addComponentColumn(this::actions).setHeader(getTranslation("bills.counter.actions")).setFlexGrow(2);
        today.setAllRowsVisible(true);
        note.setVisible(bills.callerIsManager());
        add(summary, note, today);
        show(BillKind.WATER, null);
        refresh();
    }

    private static VaadinIcon icon(BillKind kind) {
        return switch (kind) {
            case WATER -> VaadinIcon.DROP;
            case ELECTRICITY -> VaadinIcon.LIGHTBULB;
            case GAS -> VaadinIcon.FIRE;
            case TOPUP -> VaadinIcon.MOBILE;
        };
    }

    private void select(@Nullable BillKind kind) {
        kinds.forEach((k, b) -> {
            b.removeThemeVariants(ButtonVariant.PRIMARY);
            b.getElement().setAttribute("aria-pressed", String.valueOf(k == kind));
            if (k == kind) {
                b.addThemeVariants(ButtonVariant.PRIMARY);
            }
        });
        social.removeThemeVariants(ButtonVariant.PRIMARY);
        social.getElement().setAttribute("aria-pressed", String.valueOf(kind == null));
        if (kind == null) {
            social.addThemeVariants(ButtonVariant.PRIMARY);
        }
        form.removeAll();
        change.setText("");
        outcome.setText("");
        outcome.getElement().removeAttribute("data-outcome");
        idempotencyKey = UUID.randomUUID().toString();
        current = null;
    }

    // ---------------------------------------------------------------- bills and top-up

    private void show(BillKind kind, @Nullable String account) {
        select(kind);
        if (kind == BillKind.TOPUP) {
            showTopUp();
            return;
        }
        TextField field = new TextField(getTranslation("bills.counter.account-field"));
        field.setId("bills-account");
        field.setHelperText(getTranslation("bills.counter.account-help"));
        field.setAllowedCharPattern("[0-9 -]");
        field.setMaxLength(14);
        Div due = new Div();
        due.setId("bills-due");
        Button lookup = new Button(getTranslation("bills.counter.lookup"), e -> lookup(kind, field, due));
        lookup.setId("bills-lookup");
        lookup.addThemeVariants(ButtonVariant.PRIMARY);
        field.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> lookup(kind, field, due));
        form.add(CounterForms.row(field, lookup), due);
        if (account != null) {
            field.setValue(account);
            lookup(kind, field, due);
        } else {
            field.focus();
        }
    }

    private void lookup(BillKind kind, TextField field, Div due) {
        due.removeAll();
        outcome.setText("");
        idempotencyKey = UUID.randomUUID().toString();
        Bills.Due d;
        try {
            d = bills.lookup(kind.name(), field.getValue());
        } catch (RefusedException refused) {
            if (refused instanceof io.yizhan.station.shared.CodedRefusal c && c.code().equals("CENTRAL_UNREACHABLE")) {
                offline(kind, field.getValue(), due);
            } else {
                say("refused", refusal(refused));
            }
            return;
        }
        Span amount = new Span(Money.yuan(d.amountDueFen()));
        amount.setId("bills-due-amount");
        amount.addClassName("sale-total");
        Paragraph who = new Paragraph(getTranslation("bills.counter.due", d.billerName(), d.holderMasked(), Billers.mask(d.account()),
                KioskBillScreen.period(this, d.period())));
        who.setId("bills-due-holder");
        due.add(who, amount, payment(p -> bills.pay(new Bills.Request(kind.name(), d.account(), d.amountDueFen(), p, idempotencyKey))));
    }

    /** Central away: cash for the amount on the paper bill, accepted now and paid when the link is back (refunded in full if it fails). */
    private void offline(BillKind kind, String account, Div due) {
        say("refused", getTranslation("bills.counter.offline"));
        TextField amount = new TextField(getTranslation("bills.counter.offline-amount"));
        amount.setId("bills-offline-amount");
        amount.setHelperText(getTranslation("bills.counter.offline-help"));
        TextField tendered = new TextField(getTranslation("payments.take.tendered"));
        tendered.setId("bills-tendered");
        Button accept = new Button(getTranslation("bills.counter.accept-offline"), e -> {
            Optional<Long> fen = CounterForms.fen(amount);
            Optional<Long> given = CounterForms.fen(tendered);
            if (fen.isEmpty() || fen.get() <= 0 || given.isPresent() && given.get() < 0) {
                say("refused", getTranslation("payments.error.amount"));
                return;
            }
            act(() -> bills.pay(new Bills.Request(kind.name(), account, fen.get(), new Bills.Pay(Payments.CASH, null, given.orElse(null)),
                    idempotencyKey)).bill());
        });
        accept.setId("bills-accept-offline");
        accept.addThemeVariants(ButtonVariant.PRIMARY);
        due.add(CounterForms.row(amount, tendered, accept));
    }

    private void showTopUp() {
        TextField phone = new TextField(getTranslation("bills.counter.phone"));
        phone.setId("bills-phone");
        phone.setAllowedCharPattern("[0-9]");
        phone.setMaxLength(13);
        Div chosen = new Div();
        chosen.setId("bills-topup");
        Button check = new Button(getTranslation("bills.counter.check-phone"), e -> {
            chosen.removeAll();
            idempotencyKey = UUID.randomUUID().toString();
            String carrier;
            try {
                carrier = bills.carrier(phone.getValue());
            } catch (RefusedException refused) {
                say("refused", refusal(refused));
                return;
            }
            Paragraph who = new Paragraph(getTranslation("bills.counter.carrier", carrier, Billers.mask(phone.getValue())));
            who.setId("bills-carrier");
            HorizontalLayout amounts = new HorizontalLayout();
            amounts.setWrap(true);
            Div pay = new Div();
            Billers.DENOMINATIONS.stream().sorted().forEach(fen -> {
                Button b = new Button(Money.yuan(fen), x -> {
                    // the chosen amount stands out, and says so to a screen reader
                    amounts.getChildren().forEach(other -> {
                        ((Button) other).removeThemeVariants(ButtonVariant.PRIMARY);
                        other.getElement().setAttribute("aria-pressed", "false");
                    });
                    x.getSource().addThemeVariants(ButtonVariant.PRIMARY);
                    x.getSource().getElement().setAttribute("aria-pressed", "true");
                    pay.removeAll();
                    idempotencyKey = UUID.randomUUID().toString();
                    Span amount = new Span(Money.yuan(fen));
                    amount.addClassName("sale-total");
                    pay.add(amount, payment(p -> bills.topUp(new Bills.TopUpRequest(phone.getValue(), fen, p, idempotencyKey))));
                });
                b.setId("bills-topup-" + fen / 100);
                b.getElement().setAttribute("aria-pressed", "false");
                b.addClassName("bills-denomination");
                amounts.add(b);
            });
            chosen.add(who, amounts, pay);
        });
        check.setId("bills-check-phone");
        check.addThemeVariants(ButtonVariant.PRIMARY);
        form.add(CounterForms.row(phone, check), chosen);
        phone.focus();
    }

    /** Cash (with the cash tendered) or the payment code, for the request made with the payment chosen. */
    private Div payment(java.util.function.Function<Bills.Pay, Bills.Made> request) {
        TextField tendered = new TextField(getTranslation("payments.take.tendered"));
        tendered.setId("bills-tendered");
        Button cash = new Button(getTranslation("bills.counter.pay-cash"), e -> {
            Optional<Long> given = CounterForms.fen(tendered);
            if (given.isPresent() && given.get() < 0) {
                say("refused", getTranslation("payments.error.amount"));
                return;
            }
            act(() -> request.apply(new Bills.Pay(Payments.CASH, null, given.orElse(null))).bill());
        });
        cash.setId("bills-pay-cash");
        cash.addThemeVariants(ButtonVariant.PRIMARY);
        TextField code = new TextField(getTranslation("payments.take.code"));
        code.setId("bills-code");
        Button byCode = new Button(getTranslation("bills.counter.pay-code"), e -> act(() -> request.apply(new Bills.Pay(Payments.CODE,
                code.getValue(), null)).bill()));
        byCode.setId("bills-pay-code");
        Div box = new Div(CounterForms.row(tendered, cash), CounterForms.row(code, byCode));
        box.addClassName("bills-pay");
        return box;
    }

    private void act(Supplier<BillPayment> action) {
        try {
            BillPayment b = action.get();
            current = b.id();
            shown = "";
            showOutcome(b);
        } catch (RefusedException refused) {
            say("refused", refusal(refused));
        }
        refresh();
    }

    private void showOutcome(BillPayment b) {
        String kind = switch (b.status()) {
            case SUCCEEDED -> "succeeded";
            case FAILED, REFUNDED, CANCELLED -> "failed";
            default -> "pending";
        };
        say(kind, getTranslation("bills.counter.outcome." + b.status(), getTranslation("bills.kind." + b.kind()), b.accountMasked(),
                Money.yuan(b.amountFen()), b.writeOffRef() == null ? "" : b.writeOffRef()));
        // the change to hand back, as large as the amount was
        change.setText(b.paymentId() == null ? "" : payments.find(b.paymentId()).filter(p -> p.changeFen() > 0)
                .map(p -> getTranslation("bills.counter.change", Money.yuan(p.changeFen()))).orElse(""));
    }

    // ---------------------------------------------------------------- social security

    private void showSocial() {
        select(null);
        TextField name = new TextField(getTranslation("bills.social.name"));
        name.setId("ss-name");
        name.setMaxLength(30);
        TextField id = new TextField(getTranslation("bills.social.id"));
        id.setId("ss-id");
        id.setAllowedCharPattern("[0-9Xx]");
        id.setMaxLength(18);
        Checkbox consent = new Checkbox(getTranslation("bills.social.consent"));
        consent.setId("ss-consent");
        Div result = new Div();
        result.setId("ss-result");
        Button query = new Button(getTranslation("bills.social.query"), e -> {
            result.removeAll();
            SocialSecurity.Result r;
            try {
                r = socialSecurity.query(name.getValue(), id.getValue(), consent.getValue());
            } catch (RefusedException refused) {
                say("refused", refusal(refused));
                return;
            }
            say("succeeded", "");
            // the number and name leave the form at once: only the masked result stays on screen, until 清除
            id.clear();
            name.clear();
            consent.clear();
            result.add(new Paragraph(getTranslation("bills.social.person", r.nameMasked(), r.idMasked())),
                    big("ss-months", getTranslation("bills.social.months", r.monthsContributed())),
                    new Paragraph(getTranslation("bills.social.last", KioskBillScreen.period(this, r.lastPaidMonth()))),
                    big("ss-balance", getTranslation("bills.social.balance", Money.yuan(r.balanceFen()))));
            HorizontalLayout actions = new HorizontalLayout();
            if (socialSecurity.canPrint()) {
                Button print = new Button(getTranslation("bills.social.print"), x -> {
                    try {
                        socialSecurity.print(r);
                        say("succeeded", getTranslation("bills.social.printed"));
                    } catch (RefusedException refused) {
                        say("refused", refusal(refused));
                    }
                });
                print.setId("ss-print");
                actions.add(print);
            } else {
                actions.add(new Span(getTranslation("bills.social.no-printer")));
            }
            Button clear = new Button(getTranslation("bills.social.clear"), x -> showSocial());
            clear.setId("ss-clear");
            clear.addThemeVariants(ButtonVariant.PRIMARY);
            actions.add(clear);
            result.add(actions);
        });
        query.setId("ss-query");
        query.addThemeVariants(ButtonVariant.PRIMARY);
        form.add(new Paragraph(getTranslation("bills.social.help")), CounterForms.row(name, id), consent, CounterForms.row(query), result);
    }

    private static Span big(String id, String text) {
        Span s = new Span(text);
        s.setId(id);
        s.addClassName("sale-total");
        return s;
    }

    // ---------------------------------------------------------------- today

    private HorizontalLayout actions(BillPayment b) {
        HorizontalLayout box = new HorizontalLayout();
        if (bills.stuck(b) && bills.callerIsManager()) {
            Button paid = new Button(getTranslation("bills.counter.resolve-paid"), e -> resolve(b, true));
            paid.setId("bills-resolve-paid-" + b.orderNo());
            Button failed = new Button(getTranslation("bills.counter.resolve-failed"), e -> resolve(b, false));
            failed.setId("bills-resolve-failed-" + b.orderNo());
            box.add(paid, failed);
        }
        if (b.status() == BillStatus.SUCCEEDED || b.status() == BillStatus.ACCEPTED_OFFLINE) {
            Button reprint = new Button(getTranslation("bills.counter.reprint"), e -> bills.printReceipt(b));
            reprint.getElement().setAttribute("aria-label", getTranslation("bills.counter.reprint-named", b.orderNo()));
            box.add(reprint);
        }
        return box;
    }

    private void resolve(BillPayment b, boolean writtenOff) {
        try {
            BillPayment after = bills.resolve(b.id(), writtenOff, note.getValue());
            note.clear();
            note.setInvalid(false);
            showOutcome(after);
        } catch (RefusedException refused) {
            note.setInvalid(true);
            note.setErrorMessage(refusal(refused));
        }
        refresh();
    }

    /** Today's list and the served order's outcome, redrawn only when a status changed (the screen polls every 2 s). */
    private void refresh() {
        List<BillPayment> day = bills.ofDay(time.date(clock.instant()));
        String now = String.join(",", day.stream().map(b -> b.id() + ":" + b.status()).toList());
        if (!now.equals(shown)) {
            shown = now;
            today.setItems(day);
            Map<BillStatus, Long> counts = new EnumMap<>(BillStatus.class);
            day.forEach(b -> counts.merge(b.status(), 1L, Long::sum));
            summary.setText(counts.isEmpty() ? getTranslation("bills.counter.none") : String.join(" · ", counts.entrySet().stream()
                    .map(e -> getTranslation("bills.status." + e.getKey()) + " " + e.getValue()).toList()));
            if (current != null) {
                showOutcome(bills.find(current));
            }
        }
    }

    private String refusal(RefusedException refused) {
        return refused instanceof io.yizhan.station.shared.CodedRefusal c ? getTranslation(c.messageKey(), c.args()) : getTranslation(refused.messageKey());
    }

    private void say(String kind, String text) {
        outcome.setText(text);
        outcome.getElement().setAttribute("data-outcome", kind);
    }

    /** A paper bill's barcode ({@code W-3301234560}) opens its service with the account looked up. */
    @Override
    public void onScan(ScanReceived scan) {
        BillKind.paperBill(scan.code()).ifPresent(bill -> show(bill.kind(), bill.account()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        String kind = params.getOrDefault("kind", List.of("")).getFirst();
        String account = params.getOrDefault("account", List.of("")).getFirst();
        if (!kind.isEmpty()) {
            try {
                show(BillKind.valueOf(kind), account.isEmpty() ? null : account);
            } catch (IllegalArgumentException e) {
                // an unknown kind in the address: the form stays as it is
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(2000);
        poll = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
            poll = null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.bills");
    }
}

package io.yizhan.station.payments.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.payments.PaymentRequest;
import io.yizhan.station.payments.PaymentStatus;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.payments.Refund;
import io.yizhan.station.payments.Refunds;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.ManagerApproval;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 收款 at the counter: the amount and what it is for, then cash (tendered, the change shown large)
 * or the resident's payment code, scanned with the counter scanner. While the resident types the
 * password the screen says so and offers 取消 (which reverses the trade); above the second-check
 * amount a manager confirms on this screen with their own password. A double tap never charges
 * twice: one attempt carries one idempotency key until the amount, method or code changes.
 */
@Route(value = "counter/payments", layout = CounterLayout.class)
@Menu(order = 50, title = "menu.counter.payments")
@RolesAllowed(Role.CLERK_NAME)
public class TakePaymentView extends Div implements ScanConsumer, HasDynamicTitle {

    static final String CASH = "CASH";
    static final String CODE = "CODE";

    private final Payments payments;
    private final ManagerApproval approval;
    private final StationTime time;
    private final TextField amount = new TextField();
    private final TextField purpose = new TextField();
    private final RadioButtonGroup<String> method = new RadioButtonGroup<>();
    private final TextField tendered = new TextField();
    private final Span change = new Span();
    private final TextField code = new TextField();
    private final Button take = new Button();
    private final Div managerBox = new Div();
    private final TextField managerUser = new TextField();
    private final PasswordField managerPassword = new PasswordField();
    private final Div waiting = new Div();
    private final Paragraph result = new Paragraph();
    private final Grid<Payment> recent = new Grid<>();
    private final List<Payment> mine = new ArrayList<>();
    private final Refunds refunds;
    private final Grid<Refund> handovers = new Grid<>();
    private final Paragraph handoversNone = new Paragraph();
    private final Div refundBox = new Div();
    private final Paragraph refundTitle = new Paragraph();
    private final TextField refundAmount = new TextField();
    private final TextField refundReason = new TextField();
    private final TextField refundManager = new TextField();
    private final PasswordField refundManagerPassword = new PasswordField();
    private Button refundConfirm = new Button();
    private @Nullable Payment refunding;
    private String refundKey = UUID.randomUUID().toString();
    private String attemptKey = UUID.randomUUID().toString();
    private @Nullable UUID pending;
    private long pendingSince;
    private final Paragraph slow = new Paragraph();
    /** The code payment that just failed: the next code scanned tries it again. */
    private @Nullable UUID failed;
    private @Nullable Registration polling;

    public TakePaymentView(Payments payments, Refunds refunds, ManagerApproval approval, StationTime time) {
        this.payments = payments;
        this.refunds = refunds;
        this.approval = approval;
        this.time = time;
        addClassName("counter-page");
        add(new H1(getTranslation("payments.take.title")));

        amount.setId("amount");
        amount.setLabel(getTranslation("payments.take.amount"));
        amount.setAllowedCharPattern("[0-9.]");
        amount.setMaxLength(10);
        amount.setValueChangeMode(ValueChangeMode.EAGER);
        amount.setAutofocus(true);
        purpose.setId("purpose");
        purpose.setLabel(getTranslation("payments.take.purpose"));
        purpose.setMaxLength(80);
        purpose.setValue(getTranslation("payments.take.purpose.default"));
        method.setId("method");
        method.setLabel(getTranslation("payments.take.method"));
        method.setItems(CASH, CODE);
        method.setItemLabelGenerator(m -> getTranslation("payments.take.method." + m));
        method.setValue(CASH);
        method.addClassName("pay-method");
        add(CounterForms.row(amount, purpose, method));

        tendered.setId("tendered");
        tendered.setLabel(getTranslation("payments.take.tendered"));
        tendered.setAllowedCharPattern("[0-9.]");
        tendered.setMaxLength(10);
        tendered.setValueChangeMode(ValueChangeMode.EAGER);
        change.setId("change");
        change.addClassName("pay-change");
        change.getElement().setAttribute("aria-live", "polite");
        code.setId("auth-code");
        code.setLabel(getTranslation("payments.take.code"));
        code.setMaxLength(32);
        code.setHelperText(getTranslation("payments.take.code.help"));
        code.addKeyDownListener(Key.ENTER, e -> take());
        take.setId("take");
        take.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        take.addClickListener(e -> take());
        take.setDisableOnClick(true);
        add(CounterForms.row(tendered, code, take), change);

        managerUser.setId("manager-user");
        managerUser.setLabel(getTranslation("payments.take.manager"));
        managerPassword.setId("manager-password");
        managerPassword.setLabel(getTranslation("payments.take.manager-password"));
        managerBox.add(new Paragraph(getTranslation("payments.take.manager.help", Money.yuan(payments.secondCheckFen()))),
                CounterForms.row(managerUser, managerPassword));
        managerBox.setId("manager-box");
        add(managerBox);

        Button cancel = new Button(getTranslation("payments.take.cancel"), e -> cancel());
        cancel.setId("cancel-payment");
        cancel.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.LARGE);
        Paragraph typing = new Paragraph(getTranslation("payments.take.waiting"));
        typing.addClassName("pay-waiting-text");
        slow.setId("waiting-slow");
        slow.addClassName("pay-slow");
        waiting.add(typing, cancel, slow);
        waiting.setId("waiting");
        waiting.addClassName("pay-waiting");
        waiting.setVisible(false);
        result.setId("result");
        result.addClassName("pay-result");
        result.getElement().setAttribute("aria-live", "assertive");
        add(waiting, result);

        add(new H2(getTranslation("payments.handover.title")));
        handovers.setId("handovers");
        handovers.addColumn(r -> time.dateTime(r.createdAt())).setHeader(getTranslation("payments.take.at")).setAutoWidth(true);
        handovers.addColumn(r -> Money.yuan(r.amountFen())).setHeader(getTranslation("payments.take.amount")).setAutoWidth(true);
        handovers.addColumn(Refund::reason).setHeader(getTranslation("payments.cash.reason")).setFlexGrow(2);
        handovers.addComponentColumn(r -> {
            Button give = new Button(getTranslation("payments.handover.give", Money.yuan(r.amountFen())), e -> {
                try {
                    refunds.handOver(r.id());
                    result.setText(getTranslation("payments.handover.done", Money.yuan(r.amountFen())));
                    result.getElement().setAttribute("data-outcome", "succeeded");
                } catch (PaymentRefused refused) {
                    result.setText(getTranslation(refused.messageKey()));
                    result.getElement().setAttribute("data-outcome", "refused");
                }
                showHandovers();
            });
            give.setId("handover-" + r.id());
            return give;
        }).setHeader(getTranslation("counter.home.calls.action")).setAutoWidth(true);
        handovers.setAllRowsVisible(true);
        handoversNone.setText(getTranslation("payments.handover.none"));
        add(handovers, handoversNone);
        showHandovers();

        add(new H2(getTranslation("payments.take.recent")));
        recent.setId("recent-payments");
        recent.addColumn(p -> time.time(p.paidAt())).setHeader(getTranslation("payments.take.at")).setAutoWidth(true);
        recent.addColumn(p -> Money.yuan(p.amountFen())).setHeader(getTranslation("payments.take.amount")).setAutoWidth(true);
        recent.addColumn(p -> getTranslation("payments.channel." + p.channel())).setHeader(getTranslation("payments.take.method"))
                .setAutoWidth(true);
        recent.addColumn(p -> getTranslation("payments.status." + p.status())).setHeader(getTranslation("payments.take.status"))
                .setAutoWidth(true);
        recent.addColumn(Payment::purpose).setHeader(getTranslation("payments.take.purpose")).setFlexGrow(2);
        recent.addComponentColumn(p -> {
            Button b = new Button(getTranslation("payments.refund.open"), e -> openRefund(p.id()));
            b.setId("refund-" + p.id());
            b.setVisible(p.status().paid() && p.refundedFen() < p.amountFen());
            return b;
        }).setHeader(getTranslation("counter.home.calls.action")).setAutoWidth(true);
        recent.setAllRowsVisible(true);
        add(recent);

        refundBox.setId("refund-box");
        refundBox.addClassName("pay-waiting");
        refundAmount.setId("refund-amount");
        refundAmount.setLabel(getTranslation("payments.refund.amount"));
        refundAmount.setAllowedCharPattern("[0-9.]");
        refundReason.setId("refund-reason");
        refundReason.setLabel(getTranslation("payments.cash.reason"));
        refundReason.setMaxLength(200);
        refundManager.setId("refund-manager");
        refundManager.setLabel(getTranslation("payments.take.manager"));
        refundManagerPassword.setId("refund-manager-password");
        refundManagerPassword.setLabel(getTranslation("payments.take.manager-password"));
        Button confirm = new Button(getTranslation("payments.refund.confirm"), e -> refund());
        confirm.setId("refund-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.setDisableOnClick(true);
        refundConfirm = confirm;
        refundBox.add(refundTitle, CounterForms.row(refundAmount, refundReason, refundManager, refundManagerPassword, confirm));
        refundBox.setVisible(false);
        add(refundBox);

        // another amount, purpose or method is another payment; another code after a failure retries the same one
        amount.addValueChangeListener(e -> {
            failed = null;
            fresh();
        });
        purpose.addValueChangeListener(e -> failed = null);
        method.addValueChangeListener(e -> {
            failed = null;
            fresh();
        });
        tendered.addValueChangeListener(e -> fresh());
        code.addValueChangeListener(e -> fresh());
        fresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> poll());
        amount.focus();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    /**
     * A payment code scanned with the counter scanner pays at once (the amount must be there); the QR
     * code of a receipt opens that payment for a refund.
     */
    @Override
    public void onScan(ScanReceived scan) {
        try {
            UUID receipt = UUID.fromString(scan.code().strip());
            openRefund(receipt);
            return;
        } catch (IllegalArgumentException notAReceipt) {
            // a payment code
        }
        method.setValue(CODE);
        code.setValue(scan.code());
        take();
    }



    /** Something changed: a new attempt (new key), the cash fields or the code field, and the button's words. */
    private void fresh() {
        if (pending != null) {
            return;
        }
        attemptKey = UUID.randomUUID().toString();
        boolean cash = CASH.equals(method.getValue());
        tendered.setVisible(cash);
        change.setVisible(cash);
        code.setVisible(!cash);
        Optional<Long> due = CounterForms.fen(amount);
        long dueFen = due.orElse(0L);
        managerBox.setVisible(!cash && dueFen > payments.secondCheckFen() && !payments.callerIsManager());
        Optional<Long> given = CounterForms.fen(tendered);
        change.setText(cash && due.isPresent() && given.isPresent() && given.get() >= dueFen && dueFen > 0
                ? getTranslation("payments.take.change", Money.yuan(given.get() - dueFen)) : "");
        take.setText(getTranslation(cash ? "payments.take.button.cash" : "payments.take.button.code",
                dueFen > 0 ? Money.yuan(dueFen) : ""));
        take.setEnabled(true);
    }

    private void take() {
        Optional<Long> due = CounterForms.fen(amount);
        if (due.isEmpty() || due.get() <= 0) {
            amount.setInvalid(true);
            amount.setErrorMessage(getTranslation("payments.error.amount"));
            amount.focus();
            take.setEnabled(true);
            return;
        }
        amount.setInvalid(false);
        boolean cash = CASH.equals(method.getValue());
        Optional<Long> given = cash ? CounterForms.fen(tendered) : Optional.empty();
        String authCode = cash ? null : code.getValue().replaceAll("\\s", "");
        if (!cash && authCode.isEmpty()) {
            code.focus();
            take.setEnabled(true);
            return;
        }
        String approvedBy = null;
        if (managerBox.isVisible()) {
            approvedBy = approval.approve(managerUser.getValue(), managerPassword.getValue(), Money.yuan(due.get()) + " " + purpose.getValue())
                    .orElse(null);
            managerPassword.clear();
            if (approvedBy == null) {
                managerPassword.setInvalid(true);
                managerPassword.setErrorMessage(getTranslation("payments.take.manager.refused"));
                take.setEnabled(true);
                return;
            }
            managerPassword.setInvalid(false);
        }
        try {
            Payment p = !cash && failed != null ? payments.retry(failed, authCode)
                    : payments.take(new PaymentRequest(due.get(), purpose.getValue(), cash ? CASH : CODE, authCode, given.orElse(null), attemptKey),
                    approvedBy).payment();
            show(p);
        } catch (PaymentRefused e) {
            result.setText(getTranslation(e.messageKey()));
            result.getElement().setAttribute("data-outcome", "refused");
            take.setEnabled(true);
        }
    }

    private void show(Payment p) {
        if (p.status() == PaymentStatus.PENDING) {
            if (!p.id().equals(pending)) {
                pendingSince = System.nanoTime();
                slow.setText("");
            }
            pending = p.id();
            waiting.setVisible(true);
            take.setEnabled(false);
            result.setText("");
            result.getElement().setAttribute("data-outcome", "pending");
            getUI().ifPresent(ui -> ui.setPollInterval(1000));
            return;
        }
        pending = null;
        waiting.setVisible(false);
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        if (p.status() == PaymentStatus.SUCCEEDED) {
            result.setText(p.changeFen() > 0 ? getTranslation("payments.take.done.change", Money.yuan(p.amountFen()), Money.yuan(p.changeFen()))
                    : getTranslation("payments.take.done", Money.yuan(p.amountFen()), getTranslation("payments.channel." + p.channel())));
            result.getElement().setAttribute("data-outcome", "succeeded");
            mine.removeIf(m -> m.id().equals(p.id()));
            mine.addFirst(p);
            failed = null;
            amount.clear();
            tendered.clear();
            code.clear();
            amount.focus();
        } else {
            result.setText(getTranslation("payments.take.failed", reason(p.reason())));
            result.getElement().setAttribute("data-outcome", "failed");
            code.clear();
            mine.removeIf(m -> m.id().equals(p.id()));
            mine.addFirst(p);
            failed = p.method().equals(CODE) ? p.id() : null;
        }
        recent.setItems(mine.size() > 20 ? mine.subList(0, 20) : mine);
        fresh();
    }

    private void openRefund(UUID paymentId) {
        Optional<Payment> p = payments.find(paymentId);
        if (p.isEmpty() || !p.get().status().paid()) {
            result.setText(getTranslation("payments.error.not-paid"));
            result.getElement().setAttribute("data-outcome", "refused");
            return;
        }
        refunding = p.get();
        refundKey = UUID.randomUUID().toString();
        refundTitle.setText(getTranslation("payments.refund.title", Money.yuan(refunding.amountFen()), refunding.purpose(),
                getTranslation("payments.channel." + refunding.channel()), Money.yuan(refunding.refundedFen())));
        refundAmount.setValue(new java.math.BigDecimal(refunding.amountFen() - refunding.refundedFen()).movePointLeft(2).toPlainString());
        refundReason.clear();
        boolean needsManager = !payments.callerIsManager();
        refundManager.setVisible(needsManager);
        refundManagerPassword.setVisible(needsManager);
        refundBox.setVisible(true);
        refundConfirm.setEnabled(true);
        refundReason.focus();
    }

    private void refund() {
        Payment p = refunding;
        if (p == null) {
            return;
        }
        try {
            long fen = CounterForms.fen(refundAmount).filter(f -> f > 0).orElseThrow(() -> new PaymentRefused("BAD_AMOUNT", 400, "payments.error.amount"));
            String approvedBy = null;
            if (refundManager.isVisible() && !refundManager.isEmpty()) {
                approvedBy = approval.approve(refundManager.getValue(), refundManagerPassword.getValue(), Money.yuan(fen) + " " + p.purpose())
                        .orElseThrow(() -> new PaymentRefused("SECOND_CHECK_REQUIRED", 403, "payments.take.manager.refused"));
            }
            refundManagerPassword.clear();
            Refund r = refunds.refund(p.id(), fen, refundReason.getValue(), refundKey, approvedBy).refund();
            result.setText(getTranslation("payments.refund.done." + r.status(), Money.yuan(r.amountFen())));
            result.getElement().setAttribute("data-outcome", r.status().equals("FAILED") ? "failed" : "succeeded");
            refundBox.setVisible(false);
            refunding = null;
            payments.find(p.id()).ifPresent(updated -> mine.replaceAll(m -> m.id().equals(updated.id()) ? updated : m));
            recent.setItems(mine.size() > 20 ? mine.subList(0, 20) : mine);
        } catch (PaymentRefused refused) {
            result.setText(getTranslation(refused.messageKey()));
            result.getElement().setAttribute("data-outcome", "refused");
            refundConfirm.setEnabled(true);
        }
    }

    private void showHandovers() {
        List<Refund> waiting = refunds.awaitingHandover();
        handovers.setItems(waiting);
        handovers.setVisible(!waiting.isEmpty());
        handoversNone.setVisible(waiting.isEmpty());
    }

    private String reason(@Nullable String code) {
        String text = code == null ? "" : getTranslation("payments.reason." + code);
        return text.isEmpty() || text.startsWith("!") ? getTranslation("payments.reason.OTHER") : text;
    }

    private void poll() {
        if (pending != null) {
            payments.find(pending).ifPresent(p -> {
                if (p.status() != PaymentStatus.PENDING) {
                    show(p);
                } else if (System.nanoTime() - pendingSince > payments.slowNotice().toNanos()) {
                    // no final answer for a while (central slow or away): say what will happen, so nobody charges again
                    slow.setText(getTranslation("payments.take.slow"));
                }
            });
        }
    }

    private void cancel() {
        if (pending != null) {
            show(payments.cancel(pending));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("payments.take.title");
    }
}

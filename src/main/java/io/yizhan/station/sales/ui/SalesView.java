package io.yizhan.station.sales.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.yizhan.contract.Wallet;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.devices.Scales;
import io.yizhan.station.devices.Weight;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.inventory.ScannedGood;
import io.yizhan.station.inventory.Sku;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.sales.Sale;
import io.yizhan.station.sales.SaleLine;
import io.yizhan.station.sales.SaleRequest;
import io.yizhan.station.sales.SaleStatus;
import io.yizhan.station.sales.Sales;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.RefusedException;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.ManagerApproval;
import io.yizhan.station.staff.Role;
import io.yizhan.station.terminals.CurrentTerminal;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 收银: the clerk scans goods (a second scan of the same good adds one; a weighed good takes the
 * counter scale's stable weight; a scale label carries its own weight or price) or finds them by
 * pinyin initials; the total is huge; cash with the change, or the resident's payment code scanned
 * straight after the goods. A receipt's QR code scanned here opens that sale for a return. A double
 * tap never sells twice: one attempt keeps one idempotency key until the basket changes.
 */
@Route(value = "counter/sales", layout = CounterLayout.class)
@Menu(order = 15, title = "menu.counter.sales")
@RolesAllowed(Role.CLERK_NAME)
public class SalesView extends Div implements ScanConsumer, HasDynamicTitle {

    /** A line of the basket before it is sold: a scale label's line is its own and keeps its amount. */
    static final class BasketLine {
        final Sku sku;
        long quantity;
        final @Nullable String label;
        final @Nullable Long labelAmount;

        BasketLine(Sku sku, long quantity, @Nullable String label, @Nullable Long labelAmount) {
            this.sku = sku;
            this.quantity = quantity;
            this.label = label;
            this.labelAmount = labelAmount;
        }

        long amount() {
            return labelAmount != null ? labelAmount : sku.unit().amountFen(quantity, sku.priceFen());
        }

        SaleRequest.Line request() {
            return label != null ? new SaleRequest.Line(label, null, null) : new SaleRequest.Line(null, sku.sku(), quantity);
        }
    }

    private final Sales sales;
    private final Goods goods;
    private final Scales scales;
    private final Payments payments;
    private final ManagerApproval approval;
    private final StationTime time;
    private final List<BasketLine> basket = new ArrayList<>();
    private final TextField code = new TextField();
    private final Div found = new Div();
    private final Grid<BasketLine> lines = new Grid<>();
    private final Span total = new Span();
    private final TextField tendered = new TextField();
    private final Span change = new Span();
    private final TextField authCode = new TextField();
    private final Button payCash = new Button();
    private final Button payCode = new Button();
    private final Paragraph result = new Paragraph();
    private final Div managerBox = new Div();
    private final TextField managerUser = new TextField();
    private final PasswordField managerPassword = new PasswordField();
    private final Div waiting = new Div();
    private final Grid<Sale> recent = new Grid<>();
    private final ReturnPanel returns;
    private String attemptKey = UUID.randomUUID().toString();
    private @Nullable UUID pending;
    private @Nullable Registration polling;
    private boolean belowZeroAsked;
    private boolean secondCheckAsked;
    private final Paragraph managerHelp = new Paragraph();

    public SalesView(Sales sales, Goods goods, Scales scales, Payments payments, ManagerApproval approval, StationTime time) {
        this.sales = sales;
        this.goods = goods;
        this.scales = scales;
        this.payments = payments;
        this.approval = approval;
        this.time = time;
        addClassName("counter-page");
        addClassName("sales-page");
        add(new H1(getTranslation("sales.title")));

        code.setId("sale-code");
        code.setLabel(getTranslation("sales.code"));
        code.setHelperText(getTranslation("sales.code.help"));
        code.setMaxLength(40);
        code.setClearButtonVisible(true);
        code.setValueChangeMode(ValueChangeMode.LAZY);
        code.setValueChangeTimeout(250);
        code.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                search(e.getValue());
            }
        });
        code.addKeyDownListener(Key.ENTER, e -> entered());
        found.setId("sale-found");
        found.addClassName("sale-found");
        add(code, found);

        lines.setId("sale-lines");
        lines.addClassName("sale-lines");
        lines.addColumn(l -> l.sku.name() + (l.sku.spec().isEmpty() ? "" : " " + l.sku.spec())).setHeader(getTranslation("sales.line.name"))
                .setFlexGrow(3);
        lines.addColumn(l -> Quantities.text(l.sku.unit(), l.quantity, getLocale())).setHeader(getTranslation("sales.line.quantity"))
                .setAutoWidth(true);
        lines.addColumn(l -> l.sku.pricePerUnit(getTranslation("inventory.unit.per.PIECE"), getTranslation("inventory.unit.per.KG")))
                .setHeader(getTranslation("sales.line.price")).setAutoWidth(true);
        lines.addColumn(l -> Money.yuan(l.amount())).setHeader(getTranslation("sales.line.amount")).setAutoWidth(true);
        // buttons as a template rendered in the browser: a scan re-sends the lines' data, not a component tree per line
        lines.addColumn(LitRenderer.<BasketLine>of("<vaadin-button ?hidden=${!item.countable} aria-label=${item.less} @click=${less}>−</vaadin-button>"
                        + "<vaadin-button ?hidden=${!item.countable} aria-label=${item.more} @click=${more}>+</vaadin-button>"
                        + "<vaadin-button theme=\"error\" aria-label=${item.remove} @click=${remove}>${item.removeText}</vaadin-button>")
                .withProperty("countable", l -> l.label == null && l.sku.unit() == Unit.PIECE)
                .withProperty("less", l -> getTranslation("sales.line.less", l.sku.name()))
                .withProperty("more", l -> getTranslation("sales.line.more", l.sku.name()))
                .withProperty("remove", l -> getTranslation("sales.line.remove.label", l.sku.name()))
                .withProperty("removeText", l -> getTranslation("sales.line.remove"))
                .withFunction("less", l -> {
                    if (l.quantity > 1) {
                        l.quantity--;
                    } else {
                        basket.remove(l);
                    }
                    refresh();
                })
                .withFunction("more", l -> {
                    l.quantity++;
                    refresh();
                })
                .withFunction("remove", l -> {
                    basket.remove(l);
                    refresh();
                })).setHeader(getTranslation("sales.line.change")).setAutoWidth(true);
        lines.setItems(basket);
        lines.setAllRowsVisible(true);
        add(lines);

        total.setId("sale-total");
        total.addClassName("sale-total");
        total.getElement().setAttribute("aria-live", "polite");
        add(total);

        tendered.setId("tendered");
        tendered.setLabel(getTranslation("payments.take.tendered"));
        tendered.setAllowedCharPattern("[0-9.]");
        tendered.setMaxLength(10);
        tendered.setValueChangeMode(ValueChangeMode.EAGER);
        tendered.addValueChangeListener(e -> showChange());
        tendered.addKeyDownListener(Key.ENTER, e -> pay(Payments.CASH));
        payCash.setId("pay-cash");
        payCash.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        payCash.addClickListener(e -> pay(Payments.CASH));
        payCash.setDisableOnClick(true);
        authCode.setId("auth-code");
        authCode.setLabel(getTranslation("payments.take.code"));
        authCode.setHelperText(getTranslation("sales.code-pay.help"));
        authCode.setMaxLength(32);
        authCode.addKeyDownListener(Key.ENTER, e -> pay(Payments.CODE));
        payCode.setId("pay-code");
        payCode.setText(getTranslation("sales.pay.code"));
        payCode.addThemeVariants(ButtonVariant.LARGE);
        payCode.addClickListener(e -> pay(Payments.CODE));
        payCode.setDisableOnClick(true);
        change.setId("sale-change");
        change.addClassName("pay-change");
        change.getElement().setAttribute("aria-live", "polite");
        add(CounterForms.row(tendered, payCash, authCode, payCode), change);

        managerUser.setId("manager-user");
        managerUser.setLabel(getTranslation("payments.take.manager"));
        managerPassword.setId("manager-password");
        managerPassword.setLabel(getTranslation("payments.take.manager-password"));
        managerBox.add(managerHelp, CounterForms.row(managerUser, managerPassword));
        managerBox.setId("manager-box");
        managerBox.addClassName("pay-waiting");
        managerBox.setVisible(false);
        add(managerBox);

        Button cancel = new Button(getTranslation("payments.take.cancel"), e -> cancelPending());
        cancel.setId("cancel-payment");
        cancel.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.LARGE);
        Paragraph typing = new Paragraph(getTranslation("payments.take.waiting"));
        typing.addClassName("pay-waiting-text");
        waiting.add(typing, cancel);
        waiting.setId("waiting");
        waiting.addClassName("pay-waiting");
        waiting.setVisible(false);
        result.setId("sale-result");
        result.addClassName("pay-result");
        result.getElement().setAttribute("aria-live", "assertive");
        Button clear = new Button(getTranslation("sales.clear"), e -> clearBasket());
        clear.setId("sale-clear");
        add(waiting, result, clear);

        returns = new ReturnPanel(sales, approval, time, this::showRecent);
        add(new H2(getTranslation("sales.return.title")), returns);

        add(new H2(getTranslation("sales.recent")));
        recent.setId("recent-sales");
        recent.addColumn(s -> time.time(s.createdAt())).setHeader(getTranslation("payments.take.at")).setAutoWidth(true);
        recent.addColumn(s -> Sales.number(s.id())).setHeader(getTranslation("sales.number")).setAutoWidth(true);
        recent.addColumn(s -> Money.yuan(s.totalFen())).setHeader(getTranslation("sales.line.amount")).setAutoWidth(true);
        recent.addColumn(s -> getTranslation("payments.take.method." + s.method())).setHeader(getTranslation("payments.take.method")).setAutoWidth(true);
        recent.addColumn(s -> getTranslation("sales.status." + s.status())).setHeader(getTranslation("payments.take.status")).setAutoWidth(true);
        recent.addComponentColumn(s -> {
            Button b = new Button(getTranslation("sales.return.open"), e -> returns.open(s.id()));
            b.setId("return-" + s.id());
            b.setVisible(s.status() == SaleStatus.PAID || s.status() == SaleStatus.PARTIALLY_RETURNED);
            return b;
        }).setHeader(getTranslation("counter.home.calls.action")).setAutoWidth(true);
        recent.setAllRowsVisible(true);
        add(recent);
        refresh();
        showRecent();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sales.title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> poll());
        code.focus();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    /**
     * A scan at this counter: a receipt's QR opens that sale for a return; a payment code (with goods
     * in the basket) pays; anything else is a good.
     */
    @Override
    public void onScan(ScanReceived scan) {
        String text = scan.code().strip();
        if (sales.byReceipt(text).isPresent()) {
            returns.open(UUID.fromString(text));
            return;
        }
        if (!basket.isEmpty() && Wallet.of(text).isPresent()) {
            authCode.setValue(text);
            pay(Payments.CODE);
            return;
        }
        addCode(text);
    }


    private void entered() {
        String text = code.getValue().strip();
        if (text.isEmpty()) {
            return;
        }
        if (text.matches("\\d{8,14}")) {
            addCode(text);
        } else {
            List<Sku> hits = goods.search(text, 12);
            if (hits.size() == 1) {
                addSku(hits.getFirst(), null, null, null);
                code.clear();
                found.removeAll();
            } else {
                search(text);
            }
        }
    }

    /** Goods by name or pinyin initials, as big buttons to add. */
    private void search(String text) {
        found.removeAll();
        if (text.isBlank() || text.strip().matches("\\d{8,14}")) {
            return;
        }
        for (Sku sku : goods.search(text, 12)) {
            Button b = new Button(sku.name() + " " + sku.spec() + " · " + Money.yuan(sku.priceFen()), e -> {
                addSku(sku, null, null, null);
                code.clear();
                found.removeAll();
                code.focus();
            });
            b.addClassName("sale-found-item");
            b.getElement().setAttribute("data-sku", sku.sku());
            found.add(b);
        }
        if (found.getChildren().findAny().isEmpty()) {
            found.add(new Span(getTranslation("sales.search.none")));
        }
    }

    /** A scanned or typed barcode: a good's own (a second scan adds one) or a scale label (a line of its own). */
    private void addCode(String barcode) {
        try {
            ScannedGood g = goods.read(barcode);
            addSku(g.sku(), g.quantity(), g.variableMeasure() ? barcode : null, g.amountFen());
            code.clear();
            found.removeAll();
        } catch (InventoryRefused e) {
            refused(e);
        }
    }

    private void addSku(Sku sku, @Nullable Long quantity, @Nullable String label, @Nullable Long amount) {
        if (pending != null) {
            // the basket is being paid for: the good is not added, and the clerk is told so
            say("pending", getTranslation("sales.busy", sku.name()));
            return;
        }
        long q;
        if (label != null) {
            q = java.util.Objects.requireNonNull(quantity);
            basket.add(new BasketLine(sku, q, label, amount));
        } else if (sku.unit() == Unit.KG) {
            Optional<Weight> weight = weigh();
            if (weight.isEmpty() || weight.get().grams() <= 0) {
                say("refused", getTranslation("sales.scale.unstable", sku.name()));
                return;
            }
            basket.add(new BasketLine(sku, weight.get().grams(), null, null));
        } else {
            Optional<BasketLine> same = basket.stream().filter(l -> l.label == null && l.sku.sku().equals(sku.sku())).findFirst();
            if (same.isPresent()) {
                same.get().quantity++;
            } else {
                basket.add(new BasketLine(sku, 1, null, null));
            }
        }
        say("", "");
        refresh();
    }

    /** The stable weight on the scale at this counter: up to two seconds for the load to settle. */
    private Optional<Weight> weigh() {
        Optional<String> scale = scales.scaleAt(CurrentTerminal.name());
        if (scale.isEmpty()) {
            return Optional.empty();
        }
        try {
            return scales.waitForStable(scale.get(), Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private long totalFen() {
        return basket.stream().mapToLong(BasketLine::amount).sum();
    }

    /** The basket changed: a new attempt (a new key), the total, the buttons' words. */
    private void refresh() {
        attemptKey = UUID.randomUUID().toString();
        belowZeroAsked = false;
        secondCheckAsked = false;
        managerBox.setVisible(false);
        lines.getDataProvider().refreshAll();
        lines.setVisible(!basket.isEmpty());
        long due = totalFen();
        total.setText(basket.isEmpty() ? getTranslation("sales.empty") : getTranslation("sales.total", Money.yuan(due)));
        payCash.setText(getTranslation("sales.pay.cash", basket.isEmpty() ? "" : Money.yuan(due)));
        payCash.setEnabled(!basket.isEmpty() && pending == null);
        payCode.setEnabled(!basket.isEmpty() && pending == null);
        showChange();
    }

    private void showChange() {
        long due = totalFen();
        Optional<Long> given = CounterForms.fen(tendered);
        change.setText(!basket.isEmpty() && given.isPresent() && given.get() >= due
                ? getTranslation("payments.take.change", Money.yuan(given.get() - due)) : "");
    }


    private void pay(String method) {
        if (basket.isEmpty() || pending != null) {
            payCash.setEnabled(!basket.isEmpty() && pending == null);
            payCode.setEnabled(!basket.isEmpty() && pending == null);
            return;
        }
        Optional<Long> given = Payments.CASH.equals(method) ? CounterForms.fen(tendered) : Optional.empty();
        String code = Payments.CODE.equals(method) ? authCode.getValue().replaceAll("\\s", "") : null;
        if (code != null && code.isEmpty()) {
            authCode.focus();
            payCode.setEnabled(true);
            return;
        }
        String approvedBy = null;
        if (belowZeroAsked || secondCheckAsked) {
            approvedBy = approval.approve(managerUser.getValue(), managerPassword.getValue(),
                    getTranslation(belowZeroAsked ? "sales.below-zero.what" : "sales.second-check.what", Money.yuan(totalFen()))).orElse(null);
            managerPassword.clear();
            if (approvedBy == null) {
                managerPassword.setInvalid(true);
                managerPassword.setErrorMessage(getTranslation("payments.take.manager.refused"));
                payCash.setEnabled(true);
                payCode.setEnabled(true);
                return;
            }
            managerPassword.setInvalid(false);
        }
        try {
            Sale sale = sales.sell(new SaleRequest(basket.stream().map(BasketLine::request).toList(), method, code, given.orElse(null), attemptKey),
                    belowZeroAsked ? approvedBy : null, secondCheckAsked ? approvedBy : null).sale();
            show(sale);
        } catch (InventoryRefused e) {
            if (e.code().equals("OUT_OF_STOCK")) {
                belowZeroAsked = true;
                managerHelp.setText(getTranslation("sales.below-zero.help"));
                managerBox.setVisible(true);
            }
            refused(e);
            payCash.setEnabled(true);
            payCode.setEnabled(true);
        } catch (PaymentRefused e) {
            say("refused", getTranslation(e.messageKey()));
            if (e.code().equals("SECOND_CHECK_REQUIRED")) {
                // a large code payment: a manager confirms here with their own password, then the code is scanned again
                secondCheckAsked = true;
                managerHelp.setText(getTranslation("sales.second-check.help", Money.yuan(payments.secondCheckFen())));
                managerBox.setVisible(true);
            }
            attemptKey = UUID.randomUUID().toString();
            authCode.clear();
            payCash.setEnabled(true);
            payCode.setEnabled(true);
        }
    }

    private void refused(InventoryRefused e) {
        say("refused", getTranslation(e.messageKey(), e.args()));
    }

    private void say(String outcome, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", outcome);
    }

    private void show(Sale sale) {
        if (sale.status() == SaleStatus.PENDING) {
            pending = sale.id();
            waiting.setVisible(true);
            payCash.setEnabled(false);
            payCode.setEnabled(false);
            say("pending", "");
            getUI().ifPresent(ui -> ui.setPollInterval(1000));
            return;
        }
        pending = null;
        waiting.setVisible(false);
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        authCode.clear();
        if (sale.status() == SaleStatus.PAID) {
            Payment p = sale.paymentId() == null ? null : payments.find(sale.paymentId()).orElse(null);
            say("succeeded", p != null && p.changeFen() > 0
                    ? getTranslation("sales.done.change", Money.yuan(sale.totalFen()), Money.yuan(p.changeFen()))
                    : getTranslation("sales.done", Money.yuan(sale.totalFen())));
            basket.clear();
            tendered.clear();
            refresh();
            code.focus();
        } else {
            Payment p = sale.paymentId() == null ? null : payments.find(sale.paymentId()).orElse(null);
            String reason = p == null || p.reason() == null ? "" : getTranslation("payments.reason." + p.reason());
            say("failed", getTranslation("sales.failed", reason.isEmpty() || reason.startsWith("!") ? getTranslation("payments.reason.OTHER") : reason));
            refresh(); // the basket stays: another code or cash sells it as a new sale
        }
        showRecent();
    }

    private void poll() {
        if (pending == null) {
            return;
        }
        UUID id = pending;
        Sale sale = sales.find(id).orElse(null);
        if (sale == null) {
            return;
        }
        if (sale.status() == SaleStatus.PENDING && sale.paymentId() != null) {
            payments.find(sale.paymentId()).filter(p -> p.status() != io.yizhan.station.payments.PaymentStatus.PENDING)
                    .ifPresent(p -> sales.settle(id, p));
            sale = sales.find(id).orElseThrow();
        }
        if (sale.status() != SaleStatus.PENDING) {
            show(sale);
        }
    }

    private void cancelPending() {
        if (pending == null) {
            return;
        }
        Sale sale = sales.find(pending).orElse(null);
        if (sale != null && sale.paymentId() != null) {
            try {
                Payment p = payments.cancel(sale.paymentId());
                sales.settle(sale.id(), p);
            } catch (RefusedException e) {
                say("refused", getTranslation(e.messageKey()));
            }
        }
        poll();
    }

    private void clearBasket() {
        if (pending != null) {
            return;
        }
        basket.clear();
        tendered.clear();
        authCode.clear();
        say("", "");
        refresh();
        code.focus();
    }

    private void showRecent() {
        recent.setItems(sales.latestAt(CurrentTerminal.name()));
    }

    /** What a sale line shows in the return panel. */
    static String describe(SaleLine line, java.util.Locale locale) {
        return line.name() + " " + Quantities.text(line.unit(), line.quantity(), locale) + " " + Money.yuan(line.amountFen());
    }
}

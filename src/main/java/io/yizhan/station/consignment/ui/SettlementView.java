package io.yizhan.station.consignment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.station.consignment.ConsignmentRefused;
import io.yizhan.station.consignment.Consignor;
import io.yizhan.station.consignment.Consignors;
import io.yizhan.station.consignment.PayoutMethod;
import io.yizhan.station.consignment.Settlement;
import io.yizhan.station.consignment.Statement;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * 代销结算: a consignor's balance in large type, their statement for a period (every sale line with
 * commission and share, payouts, write-offs) on screen and printed in large type for them to read and
 * sign, and a payout — cash from this counter's drawer (a slip with a signature line prints) or by bank
 * or WeChat with the transfer's reference.
 */
@Route(value = "counter/settlement", layout = CounterLayout.class)
@Menu(order = 19.7, title = "menu.counter.settlement")
@RolesAllowed(Role.CLERK_NAME)
public class SettlementView extends Div implements HasDynamicTitle {

    private final Settlement settlement;
    private final StationTime time;
    private final ConsignorPicker consignor;
    private final Paragraph balance = new Paragraph();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<Statement.Line> lines = new Grid<>();
    private final Paragraph totals = new Paragraph();
    private final Paragraph payouts = new Paragraph();
    private final Paragraph proxy = new Paragraph();
    private final Paragraph markdowns = new Paragraph();
    private final TextField amount = new TextField();
    private final Select<PayoutMethod> method = new Select<>();
    private final TextField reference = new TextField();
    private final Paragraph result = new Paragraph();
    private final Div details = new Div();
    /** This payout attempt's key: the same until it succeeds or the payout asked for changes, so a double click pays once. */
    private String attempt = UUID.randomUUID().toString();

    public SettlementView(Consignors consignors, Settlement settlement, StationTime time) {
        this.settlement = settlement;
        this.time = time;
        this.consignor = new ConsignorPicker(consignors, "settlement-consignor");
        addClassName("counter-page");
        add(new H1(getTranslation("consignment.settlement.title")), consignor);
        consignor.addValueChangeListener(e -> chosen(e.getValue()));

        balance.setId("settlement-balance");
        balance.addClassName("sale-total");
        LocalDate today = settlement.today();
        from.setId("settlement-from");
        from.setLabel(getTranslation("consignment.settlement.from"));
        from.setValue(today.withDayOfMonth(1));
        to.setId("settlement-to");
        to.setLabel(getTranslation("consignment.settlement.to"));
        to.setValue(today);
        Button show = new Button(getTranslation("consignment.settlement.show"), e -> refresh());
        show.setId("settlement-show");
        Button print = new Button(getTranslation("consignment.settlement.print"), e -> print());
        print.setId("settlement-print");
        print.addThemeVariants(ButtonVariant.LARGE);
        lines.setId("settlement-lines");
        lines.addColumn(l -> time.dateTime(l.at())).setHeader(getTranslation("consignment.settlement.at")).setAutoWidth(true);
        lines.addColumn(l -> l.lotNo() + " " + l.productName()).setHeader(getTranslation("consignment.settlement.lot")).setAutoWidth(true);
        lines.addColumn(l -> (l.returnId() != null ? getTranslation("consignment.statement.returned") + " " : "")
                + Quantities.text(l.unit(), Math.abs(l.quantity()), getLocale())).setHeader(getTranslation("consignment.settlement.quantity"));
        lines.addColumn(l -> Money.yuan(l.amountFen())).setHeader(getTranslation("consignment.settlement.amount"));
        lines.addColumn(l -> Money.yuan(l.commissionFen()) + " (" + l.commissionPct() + "%)").setHeader(getTranslation("consignment.settlement.commission"));
        lines.addColumn(l -> Money.yuan(l.shareFen())).setHeader(getTranslation("consignment.settlement.share"));
        lines.setAllRowsVisible(true);
        totals.setId("settlement-totals");
        payouts.setId("settlement-payouts");

        amount.setId("payout-amount");
        amount.setLabel(getTranslation("consignment.payout.amount"));
        amount.setAllowedCharPattern("[0-9.]");
        amount.addValueChangeListener(e -> attempt = UUID.randomUUID().toString());
        method.setId("payout-method");
        method.setLabel(getTranslation("consignment.payout"));
        method.setItems(PayoutMethod.values());
        method.setItemLabelGenerator(m -> getTranslation("consignment.payout." + m));
        method.addValueChangeListener(e -> {
            reference.setVisible(e.getValue() != PayoutMethod.CASH);
            attempt = UUID.randomUUID().toString();
        });
        reference.setId("payout-reference");
        reference.setLabel(getTranslation("consignment.payout.reference"));
        reference.setMaxLength(80);
        Button pay = new Button(getTranslation("consignment.payout.pay"), e -> pay());
        pay.setId("payout-pay");
        pay.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        result.setId("payout-result");
        result.addClassName("pay-result");
        result.getElement().setAttribute("aria-live", "assertive");
        proxy.setId("settlement-proxy");
        markdowns.setId("settlement-markdowns");
        details.add(balance, proxy, CounterForms.row(from, to, show, print), lines, totals, markdowns, payouts,
                new H2(getTranslation("consignment.payout.title")), CounterForms.row(amount, method, reference), pay, result);
        details.setVisible(false);
        add(details);
    }

    private void chosen(Consignor c) {
        details.setVisible(c != null);
        say("", "");
        if (c != null) {
            proxy.setVisible(c.proxyName() != null);
            proxy.setText(c.proxyName() == null ? "" : getTranslation("consignment.settlement.proxy", c.proxyName()));
            method.setValue(c.payoutMethod());
            reference.setVisible(c.payoutMethod() != PayoutMethod.CASH);
            refresh();
        }
    }

    private Optional<Statement> statement() {
        Consignor c = consignor.getValue();
        if (c == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(settlement.statement(c.id(), from.getValue() == null ? settlement.today() : from.getValue(),
                    to.getValue() == null ? settlement.today() : to.getValue()));
        } catch (ConsignmentRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
            return Optional.empty();
        }
    }

    private void refresh() {
        statement().ifPresent(s -> {
            long owed = settlement.balance(s.consignor().id());
            balance.setText(getTranslation("consignment.settlement.balance", Money.yuan(owed)));
            lines.setItems(s.lines());
            totals.setText(getTranslation("consignment.settlement.totals", Money.yuan(s.salesFen()), Money.yuan(s.commissionFen()),
                    Money.yuan(s.shareFen()), Money.yuan(s.openingFen()), Money.yuan(s.balanceFen()))
                    + (s.pendingFen() == 0 ? "" : " · " + getTranslation("consignment.kiosk.pending", Money.yuan(s.pendingFen()))));
            markdowns.setVisible(!s.markdowns().isEmpty());
            markdowns.setText(String.join("；", s.markdowns().stream().map(m -> time.dateTime(m.at()) + " " + getTranslation(
                    "consignment.statement.markdown", m.productName(), Money.yuan(m.fromPriceFen()), Money.yuan(m.toPriceFen()))).toList()));
            payouts.setText(s.payouts().isEmpty() ? getTranslation("consignment.settlement.no-payouts")
                    : String.join("；", s.payouts().stream().map(p -> time.dateTime(p.at()) + " " + getTranslation("consignment.payout." + p.method())
                    + " " + Money.yuan(p.amountFen()) + (p.reference() == null ? "" : " " + p.reference())).toList()));
            amount.setValue(owed > 0 ? Money.yuan(owed).replace("¥", "") : "");
        });
    }

    private void print() {
        statement().ifPresent(s -> {
            settlement.printStatement(s.consignor().id(), s.from(), s.to());
            say("succeeded", getTranslation("consignment.settlement.printed"));
        });
    }

    private void pay() {
        Consignor c = consignor.getValue();
        if (c == null) {
            return;
        }
        long fen;
        try {
            fen = Money.fen(amount.getValue());
        } catch (NumberFormatException | ArithmeticException e) {
            say("refused", getTranslation("consignment.error.amount"));
            amount.focus();
            return;
        }
        try {
            Settlement.Paid paid = settlement.payout(c.id(), fen, method.getValue().name(), reference.getValue(), attempt);
            attempt = UUID.randomUUID().toString();
            refresh();
            say("succeeded", getTranslation(paid.payout().method().equals("CASH") ? "consignment.payout.done.cash" : "consignment.payout.done",
                    Money.yuan(paid.payout().amountFen()), c.name()));
        } catch (ConsignmentRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        } catch (PaymentRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        }
    }

    private void say(String outcome, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", outcome);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("consignment.settlement.title");
    }
}

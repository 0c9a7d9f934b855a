package io.yizhan.station.consignment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.station.consignment.ConsignmentRefused;
import io.yizhan.station.consignment.Consignor;
import io.yizhan.station.consignment.ConsignorDraft;
import io.yizhan.station.consignment.Consignors;
import io.yizhan.station.consignment.EndAction;
import io.yizhan.station.consignment.IdNumbers;
import io.yizhan.station.consignment.PayoutMethod;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;

/**
 * 寄售人: a clerk registers a farmer at the counter — name, phone, ID number, how they are paid, an
 * optional proxy, the contract terms — after reading them the consent text and ticking that they
 * agreed; consignors are listed with their numbers masked and found by name or by their ID number.
 */
@Route(value = "counter/consignors", layout = CounterLayout.class)
@Menu(order = 19, title = "menu.counter.consignors")
@RolesAllowed(Role.CLERK_NAME)
public class ConsignorsView extends Div implements HasDynamicTitle {

    private final Consignors consignors;
    private final StationTime time;
    private final TextField name = new TextField();
    private final TextField phone = new TextField();
    private final TextField idNumber = new TextField();
    private final Select<PayoutMethod> payout = new Select<>();
    private final TextField account = new TextField();
    private final TextField proxy = new TextField();
    private final IntegerField counterPct = new IntegerField();
    private final IntegerField onlinePct = new IntegerField();
    private final IntegerField periodDays = new IntegerField();
    private final Select<EndAction> endAction = new Select<>();
    private final TextField floorPrice = new TextField();
    private final Checkbox consent = new Checkbox();
    private final Paragraph result = new Paragraph();
    private final TextField query = new TextField();
    private final Grid<Consignor> list = new Grid<>();

    public ConsignorsView(Consignors consignors, StationTime time) {
        this.consignors = consignors;
        this.time = time;
        addClassName("counter-page");
        add(new H1(getTranslation("consignment.consignors.title")));
        if (!consignors.ready()) {
            Paragraph missing = new Paragraph(getTranslation("shared.error.key-missing"));
            missing.addClassName("pay-result");
            missing.getElement().setAttribute("data-outcome", "refused");
            add(missing);
        }
        name.setId("consignor-name");
        name.setLabel(getTranslation("consignment.name"));
        name.setMaxLength(40);
        phone.setId("consignor-phone");
        phone.setLabel(getTranslation("consignment.phone"));
        phone.setAllowedCharPattern("[0-9 -]");
        phone.setMaxLength(16);
        idNumber.setId("consignor-id");
        idNumber.setLabel(getTranslation("consignment.id-number"));
        idNumber.setAllowedCharPattern("[0-9Xx ]");
        idNumber.setMaxLength(20);
        idNumber.setHelperText(getTranslation("consignment.id-number.help"));
        payout.setId("consignor-payout");
        payout.setLabel(getTranslation("consignment.payout"));
        payout.setItems(PayoutMethod.values());
        payout.setItemLabelGenerator(m -> getTranslation("consignment.payout." + m));
        payout.setValue(PayoutMethod.CASH);
        payout.addValueChangeListener(e -> account.setVisible(e.getValue() != PayoutMethod.CASH));
        account.setId("consignor-account");
        account.setLabel(getTranslation("consignment.account"));
        account.setMaxLength(60);
        account.setVisible(false);
        proxy.setId("consignor-proxy");
        proxy.setLabel(getTranslation("consignment.proxy"));
        proxy.setMaxLength(40);
        add(CounterForms.row(name, phone, idNumber), CounterForms.row(payout, account, proxy));

        counterPct.setId("consignor-counter-pct");
        counterPct.setLabel(getTranslation("consignment.commission.counter"));
        counterPct.setMin(0);
        counterPct.setMax(100);
        counterPct.setValue(10);
        onlinePct.setId("consignor-online-pct");
        onlinePct.setLabel(getTranslation("consignment.commission.online"));
        onlinePct.setMin(0);
        onlinePct.setMax(100);
        onlinePct.setValue(15);
        periodDays.setId("consignor-period");
        periodDays.setLabel(getTranslation("consignment.period"));
        periodDays.setMin(1);
        periodDays.setMax(365);
        periodDays.setValue(7);
        endAction.setId("consignor-end");
        endAction.setLabel(getTranslation("consignment.end"));
        endAction.setItems(EndAction.values());
        endAction.setItemLabelGenerator(a -> getTranslation("consignment.end." + a));
        endAction.setValue(EndAction.RETURN);
        endAction.addValueChangeListener(e -> floorPrice.setVisible(e.getValue() == EndAction.MARKDOWN));
        floorPrice.setId("consignor-floor");
        floorPrice.setLabel(getTranslation("consignment.floor"));
        floorPrice.setAllowedCharPattern("[0-9.]");
        floorPrice.setVisible(false);
        add(CounterForms.row(counterPct, onlinePct, periodDays, endAction, floorPrice));

        consent.setId("consignor-consent");
        consent.setLabel(getTranslation("consignment.consent"));
        Button register = new Button(getTranslation("consignment.register"), e -> register());
        register.setId("consignor-register");
        register.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        register.setEnabled(consignors.ready());
        result.setId("consignor-result");
        result.addClassName("pay-result");
        result.getElement().setAttribute("aria-live", "assertive");
        add(new Paragraph(getTranslation("consignment.consent.text")), consent, register, result);

        add(new H2(getTranslation("consignment.list")));
        query.setId("consignor-query");
        query.setLabel(getTranslation("consignment.search"));
        query.setHelperText(getTranslation("consignment.search.help"));
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setClearButtonVisible(true);
        query.addValueChangeListener(e -> search());
        list.setId("consignor-list");
        list.addColumn(Consignor::name).setHeader(getTranslation("consignment.name")).setAutoWidth(true);
        list.addColumn(c -> c.phoneMasked() == null ? "" : c.phoneMasked()).setHeader(getTranslation("consignment.phone")).setAutoWidth(true);
        list.addColumn(c -> c.idMasked() == null ? "" : c.idMasked()).setHeader(getTranslation("consignment.id-number")).setAutoWidth(true);
        list.addColumn(c -> getTranslation("consignment.payout." + c.payoutMethod()) + (c.payoutAccountMasked() == null ? "" : " " + c.payoutAccountMasked()))
                .setHeader(getTranslation("consignment.payout")).setAutoWidth(true);
        list.addColumn(c -> getTranslation("consignment.terms", c.commissionCounterPct(), c.commissionOnlinePct(), c.periodDays(),
                getTranslation("consignment.end." + c.endAction()))).setHeader(getTranslation("consignment.terms.header")).setFlexGrow(2);
        list.addColumn(c -> time.dateTime(c.consentAt()) + " · " + c.consentBy()).setHeader(getTranslation("consignment.consent.at")).setAutoWidth(true);
        list.setAllRowsVisible(true);
        add(query, list);
        search();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("consignment.consignors.title");
    }

    private void say(String outcome, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", outcome);
    }

    private void register() {
        if (!consent.getValue()) {
            consent.focus();
            say("refused", getTranslation("consignment.error.consent"));
            return;
        }
        Long floor = null;
        if (endAction.getValue() == EndAction.MARKDOWN && !floorPrice.isEmpty()) {
            try {
                floor = Money.fen(floorPrice.getValue());
            } catch (NumberFormatException | ArithmeticException e) {
                say("refused", getTranslation("consignment.error.floor-price"));
                return;
            }
        }
        try {
            Consignor c = consignors.register(new ConsignorDraft(name.getValue(), phone.getValue(), idNumber.getValue(), payout.getValue(),
                    account.getValue(), proxy.getValue(), value(counterPct), value(onlinePct), value(periodDays), endAction.getValue(), floor));
            say("succeeded", getTranslation("consignment.registered", c.name(), c.idMasked()));
            for (TextField f : List.of(name, phone, idNumber, account, proxy, floorPrice)) {
                f.clear();
            }
            consent.clear();
            search();
        } catch (ConsignmentRefused e) {
            say("refused", getTranslation(e.messageKey()));
            if (e.code().equals("BAD_ID_NUMBER") || e.code().equals("DUPLICATE_CONSIGNOR")) {
                idNumber.setInvalid(true);
                idNumber.setErrorMessage(getTranslation(e.messageKey()));
            }
        }
    }

    private static int value(IntegerField f) {
        return f.getValue() == null ? -1 : f.getValue();
    }

    /** By name, or — when an ID number is typed — the one consignor with it (found by its keyed hash). */
    private void search() {
        String q = query.getValue().strip();
        boolean isIdNumber = IdNumbers.normalise(q).isPresent();
        Optional<Consignor> byId = isIdNumber ? consignors.byIdNumber(q) : Optional.empty();
        list.setItems(isIdNumber ? byId.map(List::of).orElse(List.of()) : consignors.search(q, 50));
    }
}

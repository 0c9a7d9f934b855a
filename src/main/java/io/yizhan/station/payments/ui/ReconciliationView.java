package io.yizhan.station.payments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.payments.Reconciliation;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;

/**
 * 对账 for the manager: a day's result against the channel's statement (run again on demand), and
 * the suspense list (挂账) of every difference still open, each completed (补单), refunded or
 * explained with a note.
 */
@Route(value = "counter/payments/reconciliation", layout = CounterLayout.class)
@Menu(order = 58, title = "menu.counter.reconciliation")
@RolesAllowed(Role.MANAGER_NAME)
public class ReconciliationView extends Div implements HasDynamicTitle {

    private final Reconciliation reconciliation;
    private final DatePicker day = new DatePicker();
    private final Paragraph summary = new Paragraph();
    private final Grid<Reconciliation.Item> suspense = new Grid<>();
    private final TextField note = new TextField();

    private final java.util.List<io.yizhan.station.payments.ServiceMatching> services;
    private final Div matched = new Div();

    public ReconciliationView(Reconciliation reconciliation, StationTime time, Clock clock,
                              org.springframework.beans.factory.ObjectProvider<io.yizhan.station.payments.ServiceMatching> services) {
        this.services = services.orderedStream().toList();
        this.reconciliation = reconciliation;
        addClassName("counter-page");
        add(new H1(getTranslation("payments.recon.title")));
        day.setId("recon-day");
        day.setLabel(getTranslation("payments.recon.day"));
        LocalDate today = time.date(clock.instant());
        day.setMax(today);
        day.setValue(today.minusDays(1));
        Button show = new Button(getTranslation("payments.recon.show"), e -> show(false));
        show.setId("recon-show");
        Button run = new Button(getTranslation("payments.recon.run"), e -> show(true));
        run.setId("recon-run");
        run.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(day, show, run);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(bar);
        summary.setId("recon-summary");
        summary.addClassName("cash-status");
        summary.getElement().setAttribute("aria-live", "polite");
        add(summary);

        add(new H2(getTranslation("payments.recon.suspense")));
        note.setId("recon-note");
        note.setLabel(getTranslation("payments.recon.note"));
        note.setMaxLength(200);
        note.setWidth("28em");
        add(note);
        suspense.setId("recon-suspense");
        suspense.addColumn(i -> i.date().toString()).setHeader(getTranslation("payments.recon.day")).setAutoWidth(true);
        suspense.addColumn(i -> getTranslation("payments.recon.kind." + i.kind())).setHeader(getTranslation("payments.recon.kind"))
                .setAutoWidth(true);
        suspense.addColumn(i -> i.outTradeNo() + (i.outRefundNo() == null ? "" : " / " + i.outRefundNo()))
                .setHeader(getTranslation("payments.recon.trade")).setAutoWidth(true);
        suspense.addColumn(i -> i.stationFen() == null ? "—" : Money.yuan(i.stationFen())).setHeader(getTranslation("payments.recon.station"))
                .setAutoWidth(true);
        suspense.addColumn(i -> i.channelFen() == null ? "—" : Money.yuan(i.channelFen())).setHeader(getTranslation("payments.recon.channel"))
                .setAutoWidth(true);
        suspense.addComponentColumn(this::actions).setHeader(getTranslation("payments.recon.decide")).setFlexGrow(2);
        suspense.setAllRowsVisible(true);
        add(suspense);
        matched.setId("recon-services");
        add(matched);
        refreshSuspense();
        showServices();
    }

    /** Each service's differences with central's own list for the chosen day (bill payments against the billers' write-offs). */
    private void showServices() {
        matched.removeAll();
        if (day.getValue() == null) {
            return;
        }
        for (io.yizhan.station.payments.ServiceMatching service : services) {
            matched.add(new H2(getTranslation(service.titleKey())));
            java.util.List<io.yizhan.station.payments.ServiceMatching.Difference> differences;
            try {
                differences = service.differences(day.getValue());
            } catch (io.yizhan.station.shared.RefusedException refused) {
                matched.add(new Paragraph(getTranslation(refused.messageKey())));
                continue;
            }
            if (differences.isEmpty()) {
                Paragraph none = new Paragraph(getTranslation("payments.recon.services.none", day.getValue().toString()));
                none.addClassName("recon-services-none");
                matched.add(none);
                continue;
            }
            Grid<io.yizhan.station.payments.ServiceMatching.Difference> grid = new Grid<>();
            grid.addClassName("recon-services-grid");
            grid.addColumn(io.yizhan.station.payments.ServiceMatching.Difference::reference).setHeader(getTranslation("payments.recon.services.order"))
                    .setAutoWidth(true);
            grid.addColumn(io.yizhan.station.payments.ServiceMatching.Difference::accountMasked)
                    .setHeader(getTranslation("payments.recon.services.account")).setAutoWidth(true);
            grid.addColumn(d -> getTranslation(d.whatKey())).setHeader(getTranslation("payments.recon.services.what")).setFlexGrow(2);
            grid.addColumn(d -> String.valueOf(d.stationStatus() == null ? "—" : d.stationStatus())
                    + (d.stationFen() == null ? "" : " " + Money.yuan(d.stationFen()))).setHeader(getTranslation("payments.recon.station")).setAutoWidth(true);
            grid.addColumn(d -> String.valueOf(d.centralStatus() == null ? "—" : d.centralStatus())
                    + (d.centralFen() == null ? "" : " " + Money.yuan(d.centralFen()))).setHeader(getTranslation("payments.recon.services.central"))
                    .setAutoWidth(true);
            grid.setItems(differences);
            grid.setAllRowsVisible(true);
            matched.add(grid);
        }
    }

    private HorizontalLayout actions(Reconciliation.Item item) {
        HorizontalLayout box = new HorizontalLayout();
        if (item.kind().equals("CHANNEL_ONLY") && item.outRefundNo() == null) {
            box.add(action("payments.recon.complete", () -> reconciliation.complete(item.date(), item.outTradeNo(), note.getValue())));
            box.add(action("payments.recon.refund", () -> reconciliation.refund(item.date(), item.outTradeNo(), note.getValue())));
        }
        box.add(action("payments.recon.resolve", () -> reconciliation.resolve(item.date(), item.outTradeNo(), item.outRefundNo(), note.getValue())));
        return box;
    }

    private Button action(String key, Runnable decide) {
        Button b = new Button(getTranslation(key), e -> {
            try {
                decide.run();
                note.clear();
                note.setInvalid(false);
                refreshSuspense();
            } catch (PaymentRefused refused) {
                note.setInvalid(true);
                note.setErrorMessage(getTranslation(refused.messageKey()));
            }
        });
        b.addThemeVariants(ButtonVariant.SMALL);
        return b;
    }

    private void show(boolean runNow) {
        if (day.getValue() == null) {
            return;
        }
        try {
            Reconciliation.Report r = runNow ? reconciliation.run(day.getValue()) : reconciliation.report(day.getValue());
            summary.setText(getTranslation("payments.recon.summary", r.date().toString(), r.matched(), r.localOnly(), r.channelOnly(),
                    r.amountMismatch(), r.statusMismatch()));
        } catch (PaymentRefused refused) {
            summary.setText(getTranslation(refused.messageKey()));
        }
        refreshSuspense();
        showServices();
    }

    private void refreshSuspense() {
        suspense.setItems(reconciliation.suspense());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("payments.recon.title");
    }
}

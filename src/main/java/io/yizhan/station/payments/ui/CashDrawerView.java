package io.yizhan.station.payments.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
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
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.payments.CashMovement;
import io.yizhan.station.payments.CashSession;
import io.yizhan.station.payments.CashSessions;
import io.yizhan.station.payments.DayReport;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * 钱箱 of this counter: open with a float; the open session live (its movements as they happen);
 * pay-in and pay-out with a reason; the close — a blind count by denomination (the clerk does not
 * see what the drawer should hold until the count is in), the difference with a reason, the Z
 * report printed. Managers also see the expected cash live, every terminal's recent sessions and
 * the station-wide day across counters.
 */
@Route(value = "counter/cash", layout = CounterLayout.class)
@Menu(order = 55, title = "menu.counter.cash")
@RolesAllowed(Role.CLERK_NAME)
public class CashDrawerView extends Div implements HasDynamicTitle {

    /** Notes and coins in a Chinese till, in fen, largest first. */
    static final long[] DENOMINATIONS = {10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10};

    private final CashSessions sessions;
    private final Payments payments;
    private final StationTime time;
    private final Paragraph status = new Paragraph();
    private final Grid<CashMovement> movements = new Grid<>();
    private final Div openBox = new Div();
    private final Div sessionBox = new Div();
    private final TextField floatField = new TextField();
    private final TextField moveAmount = new TextField();
    private final TextField moveReason = new TextField();
    private final Map<Long, IntegerField> counts = new LinkedHashMap<>();
    private final Span counted = new Span();
    private final TextField note = new TextField();
    private final Paragraph closeResult = new Paragraph();
    private final Grid<CashSession> recent = new Grid<>();
    private final DayReport dayReport;
    private final com.vaadin.flow.component.datepicker.DatePicker day = new com.vaadin.flow.component.datepicker.DatePicker();
    private final Paragraph dayTotals = new Paragraph();
    private final Grid<DayReport.Terminal> dayGrid = new Grid<>();
    private @Nullable Registration polling;

    public CashDrawerView(CashSessions sessions, Payments payments, DayReport dayReport, StationTime time, java.time.Clock clock) {
        this.sessions = sessions;
        this.dayReport = dayReport;
        this.payments = payments;
        this.time = time;
        addClassName("counter-page");
        add(new H1(getTranslation("payments.cash.title")));
        status.setId("cash-status");
        status.addClassName("cash-status");
        status.getElement().setAttribute("aria-live", "polite");
        add(status);

        floatField.setId("float");
        floatField.setLabel(getTranslation("payments.cash.float"));
        floatField.setAllowedCharPattern("[0-9.]");
        floatField.setValue("500");
        Button open = new Button(getTranslation("payments.cash.open"), e -> open());
        open.setId("open-session");
        open.addThemeVariants(ButtonVariant.PRIMARY);
        openBox.add(CounterForms.row(floatField, open));
        add(openBox);

        movements.setId("movements");
        movements.addColumn(m -> time.time(m.at())).setHeader(getTranslation("payments.take.at")).setAutoWidth(true);
        movements.addColumn(m -> getTranslation("payments.cash.kind." + m.kind())).setHeader(getTranslation("payments.cash.kind"))
                .setAutoWidth(true);
        movements.addColumn(m -> Money.yuan(m.amountFen())).setHeader(getTranslation("payments.take.amount")).setAutoWidth(true);
        movements.addColumn(m -> m.reason() == null ? "" : m.reason()).setHeader(getTranslation("payments.take.purpose")).setFlexGrow(2);
        movements.addColumn(CashMovement::clerk).setHeader(getTranslation("payments.cash.clerk")).setAutoWidth(true);
        movements.setAllRowsVisible(true);

        moveAmount.setId("move-amount");
        moveAmount.setLabel(getTranslation("payments.take.amount"));
        moveAmount.setAllowedCharPattern("[0-9.]");
        moveReason.setId("move-reason");
        moveReason.setLabel(getTranslation("payments.cash.reason"));
        moveReason.setMaxLength(200);
        Button payIn = new Button(getTranslation("payments.cash.pay-in"), e -> move(true));
        payIn.setId("pay-in");
        Button payOut = new Button(getTranslation("payments.cash.pay-out"), e -> move(false));
        payOut.setId("pay-out");

        HorizontalLayout countRow = new HorizontalLayout();
        countRow.setWrap(true);
        for (long d : DENOMINATIONS) {
            IntegerField pieces = new IntegerField();
            pieces.setId("count-" + d);
            pieces.setLabel(Money.yuan(d));
            pieces.setMin(0);
            pieces.setMax(100_000);
            pieces.setWidth("7em");
            pieces.setValueChangeMode(ValueChangeMode.EAGER);
            pieces.addValueChangeListener(e -> showCounted());
            counts.put(d, pieces);
            countRow.add(pieces);
        }
        counted.setId("counted");
        counted.addClassName("pay-change");
        showCounted();
        note.setId("close-note");
        note.setLabel(getTranslation("payments.cash.note"));
        note.setMaxLength(200);
        note.setWidth("24em");
        Button close = new Button(getTranslation("payments.cash.close"), e -> close());
        close.setId("close-session");
        close.addThemeVariants(ButtonVariant.PRIMARY);
        sessionBox.add(new H2(getTranslation("payments.cash.movements")), movements,
                new H2(getTranslation("payments.cash.moves")), CounterForms.row(moveAmount, moveReason, payIn, payOut),
                new H2(getTranslation("payments.cash.count")), new Paragraph(getTranslation("payments.cash.count.help")), countRow, counted,
                CounterForms.row(note, close));
        add(sessionBox);
        closeResult.setId("close-result");
        closeResult.addClassName("pay-result");
        closeResult.getElement().setAttribute("aria-live", "assertive");
        add(closeResult);

        if (payments.callerIsManager()) {
            add(new H2(getTranslation("payments.cash.recent")));
            recent.setId("recent-sessions");
            recent.addColumn(CashSession::terminal).setHeader(getTranslation("payments.cash.terminal")).setAutoWidth(true);
            recent.addColumn(s -> time.dateTime(s.openedAt())).setHeader(getTranslation("payments.cash.opened")).setAutoWidth(true);
            recent.addColumn(s -> s.closedAt() == null ? getTranslation("payments.cash.still-open") : time.dateTime(s.closedAt()))
                    .setHeader(getTranslation("payments.cash.closed")).setAutoWidth(true);
            recent.addColumn(s -> Money.yuan(s.expectedCashFen())).setHeader(getTranslation("payments.z.expected")).setAutoWidth(true);
            recent.addColumn(s -> s.countedFen() == null ? "" : Money.yuan(s.countedFen())).setHeader(getTranslation("payments.z.counted"))
                    .setAutoWidth(true);
            recent.addColumn(s -> s.differenceFen() == null ? "" : Money.yuan(s.differenceFen()))
                    .setHeader(getTranslation("payments.z.difference")).setAutoWidth(true);
            recent.addColumn(s -> s.note() == null ? "" : s.note()).setHeader(getTranslation("payments.cash.note")).setFlexGrow(2);
            recent.setAllRowsVisible(true);
            add(recent);

            add(new H2(getTranslation("payments.day.title")));
            day.setId("day-report-date");
            day.setLabel(getTranslation("payments.recon.day"));
            day.setValue(time.date(clock.instant()));
            day.setMax(time.date(clock.instant()));
            day.addValueChangeListener(e -> showDay());
            dayTotals.setId("day-report-totals");
            dayTotals.addClassName("cash-status");
            dayGrid.setId("day-report");
            dayGrid.addColumn(DayReport.Terminal::terminal).setHeader(getTranslation("payments.cash.terminal")).setAutoWidth(true);
            dayGrid.addColumn(t -> Money.yuan(t.cashIn())).setHeader(getTranslation("payments.day.cash-in")).setAutoWidth(true);
            dayGrid.addColumn(t -> Money.yuan(t.refunds())).setHeader(getTranslation("payments.cash.kind.REFUND")).setAutoWidth(true);
            dayGrid.addColumn(t -> Money.yuan(t.paidIn() + t.paidOut())).setHeader(getTranslation("payments.day.in-out")).setAutoWidth(true);
            dayGrid.addColumn(t -> Money.yuan(t.disbursed())).setHeader(getTranslation("payments.cash.kind.DISBURSEMENT")).setAutoWidth(true);
            dayGrid.addColumn(t -> Money.yuan(t.cashNet())).setHeader(getTranslation("payments.day.cash-net")).setAutoWidth(true);
            dayGrid.addColumn(t -> getTranslation("payments.day.codes", t.codeCount(), Money.yuan(t.codeFen())))
                    .setHeader(getTranslation("payments.z.codes")).setAutoWidth(true);
            dayGrid.addColumn(t -> t.sessionsClosed() + " · " + Money.yuan(t.difference())).setHeader(getTranslation("payments.day.closes"))
                    .setAutoWidth(true);
            dayGrid.setAllRowsVisible(true);
            add(day, dayTotals, dayGrid);
            showDay();
        }
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // the open session live: another screen's cash shows up here within seconds
        event.getUI().setPollInterval(3000);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }


    private Optional<CashSession> current() {
        try {
            return sessions.current(CashSessions.counterTerminal());
        } catch (PaymentRefused notACounter) {
            return Optional.empty();
        }
    }

    private void refresh() {
        Optional<CashSession> s = current();
        openBox.setVisible(s.isEmpty());
        sessionBox.setVisible(s.isPresent());
        if (s.isEmpty()) {
            status.setText(getTranslation("payments.cash.none"));
        } else {
            CashSession open = s.get();
            String text = getTranslation("payments.cash.open-since", time.dateTime(open.openedAt()), open.openedBy(), Money.yuan(open.floatFen()));
            if (payments.callerIsManager()) {
                text += " " + getTranslation("payments.cash.expected-now", Money.yuan(open.expectedCashFen()));
            }
            status.setText(text);
            movements.setItems(sessions.movements(open.id()));
        }
        if (payments.callerIsManager()) {
            recent.setItems(sessions.recent(20));
        }
    }

    private Optional<Long> fen(TextField field) {
        try {
            return field.isEmpty() ? Optional.empty() : Optional.of(Money.fen(field.getValue()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private void open() {
        Optional<Long> f = fen(floatField);
        if (f.isEmpty()) {
            floatField.setInvalid(true);
            floatField.setErrorMessage(getTranslation("payments.error.float"));
            return;
        }
        try {
            sessions.open(f.get());
            floatField.setInvalid(false);
            closeResult.setText("");
        } catch (PaymentRefused e) {
            floatField.setInvalid(true);
            floatField.setErrorMessage(getTranslation(e.messageKey()));
        }
        refresh();
    }

    private void move(boolean in) {
        Optional<Long> a = fen(moveAmount);
        try {
            if (a.isEmpty() || a.get() <= 0) {
                throw new PaymentRefused("BAD_AMOUNT", 400, "payments.error.amount");
            }
            if (in) {
                sessions.payIn(a.get(), moveReason.getValue());
            } else {
                sessions.payOut(a.get(), moveReason.getValue());
            }
            moveAmount.clear();
            moveReason.clear();
            moveAmount.setInvalid(false);
        } catch (PaymentRefused e) {
            moveAmount.setInvalid(true);
            moveAmount.setErrorMessage(getTranslation(e.messageKey()));
        }
        refresh();
    }

    private void showDay() {
        if (day.getValue() == null) {
            return;
        }
        DayReport.Day d = dayReport.of(day.getValue());
        dayGrid.setItems(d.terminals());
        StringBuilder codes = new StringBuilder();
        d.codeByChannel().forEach((channel, v) -> codes.append(getTranslation("payments.z.channel", getTranslation("payments.channel." + channel),
                v[0], Money.yuan(v[1]))).append("；"));
        dayTotals.setText(getTranslation("payments.day.totals", d.date().toString(), Money.yuan(d.cashNet()), Money.yuan(d.difference()),
                codes.length() == 0 ? getTranslation("payments.z.none") : codes.toString()));
    }

    private long countedFen() {
        long sum = 0;
        for (Map.Entry<Long, IntegerField> e : counts.entrySet()) {
            Integer n = e.getValue().getValue();
            sum += e.getKey() * (n == null ? 0 : Math.max(0, n));
        }
        return sum;
    }

    private void showCounted() {
        counted.setText(getTranslation("payments.cash.counted", Money.yuan(countedFen())));
    }

    private void close() {
        Map<Long, Integer> pieces = new LinkedHashMap<>();
        counts.forEach((d, f) -> {
            if (f.getValue() != null && f.getValue() > 0) {
                pieces.put(d, f.getValue());
            }
        });
        try {
            CashSession closed = sessions.close(countedFen(), pieces, note.getValue());
            closeResult.setText(getTranslation("payments.cash.closed-result", Money.yuan(closed.expectedCashFen()),
                    Money.yuan(closed.countedFen() == null ? 0 : closed.countedFen()),
                    Money.yuan(closed.differenceFen() == null ? 0 : closed.differenceFen())));
            closeResult.getElement().setAttribute("data-outcome", closed.differenceFen() != null && closed.differenceFen() == 0 ? "succeeded" : "failed");
            counts.values().forEach(IntegerField::clear);
            note.clear();
            note.setInvalid(false);
        } catch (PaymentRefused e) {
            note.setInvalid(e.code().equals("NOTE_REQUIRED"));
            note.setErrorMessage(getTranslation(e.messageKey()));
            closeResult.setText(getTranslation(e.messageKey()));
            closeResult.getElement().setAttribute("data-outcome", "refused");
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("payments.cash.title");
    }
}

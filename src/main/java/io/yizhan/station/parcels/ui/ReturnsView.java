package io.yizhan.station.parcels.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.parcels.Parcel;
import io.yizhan.station.parcels.ParcelRefused;
import io.yizhan.station.parcels.Retention;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 滞留与退回: the parcels past their return time, reminders sent now, and the batch return — scan
 * each parcel as it goes into the courier's bag, then print one hand-over list per courier.
 */
@Route(value = "counter/parcels/returns", layout = CounterLayout.class)
@Menu(order = 30, title = "menu.counter.returns")
@RolesAllowed(Role.CLERK_NAME)
public class ReturnsView extends Div implements ScanConsumer, HasDynamicTitle {

    private final Retention retention;
    private final Clock clock;
    private final Grid<Parcel> overdue = new Grid<>();
    private final Grid<Parcel> batch = new Grid<>();
    private final List<Parcel> returned = new ArrayList<>();
    private final TextField scan = new TextField();

    public ReturnsView(Retention retention, StationTime time, Clock clock) {
        this.retention = retention;
        this.clock = clock;
        addClassName("counter-page");
        add(new H1(getTranslation("parcels.returns.title")));
        Button remind = new Button(getTranslation("parcels.returns.remind"), e -> {
            int sent = retention.sendReminders();
            Notification.show(getTranslation("parcels.returns.reminded", sent)).addThemeVariants(NotificationVariant.SUCCESS);
        });
        remind.setId("send-reminders");
        add(remind);

        add(new H2(getTranslation("parcels.returns.overdue")));
        overdue.setId("overdue-grid");
        overdue.addColumn(Parcel::pickupCode).setHeader(getTranslation("parcels.pickup-code")).setAutoWidth(true);
        overdue.addColumn(Parcel::waybill).setHeader(getTranslation("parcels.waybill")).setAutoWidth(true);
        overdue.addColumn(Parcel::courier).setHeader(getTranslation("parcels.courier")).setAutoWidth(true);
        overdue.addColumn(p -> getTranslation("parcels.returns.days", Duration.between(p.checkedInAt(), clock.instant()).toDays()))
                .setHeader(getTranslation("parcels.returns.in-store")).setAutoWidth(true);
        overdue.addColumn(p -> time.dateTime(p.checkedInAt())).setHeader(getTranslation("parcels.checked-in-at")).setAutoWidth(true);
        overdue.setAllRowsVisible(true);
        add(overdue);

        add(new H2(getTranslation("parcels.returns.batch")));
        scan.setLabel(getTranslation("parcels.returns.scan"));
        scan.setId("return-scan");
        scan.addKeyDownListener(Key.ENTER, e -> returnOne(scan.getValue()));
        Button print = new Button(getTranslation("parcels.returns.print"), e -> printLists());
        print.setId("print-return-lists");
        print.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(scan, print);
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(bar);
        batch.setId("return-batch");
        batch.addColumn(Parcel::waybill).setHeader(getTranslation("parcels.waybill")).setAutoWidth(true);
        batch.addColumn(Parcel::courier).setHeader(getTranslation("parcels.courier")).setAutoWidth(true);
        batch.setAllRowsVisible(true);
        add(batch);
        refresh();
    }

    @Override
    public void onScan(ScanReceived scanned) {
        returnOne(scanned.code());
    }

    private void returnOne(String waybill) {
        try {
            returned.add(retention.returnToCourier(waybill));
            scan.clear();
            scan.setInvalid(false);
            refresh();
        } catch (ParcelRefused e) {
            scan.setErrorMessage(getTranslation(e.messageKey(), ""));
            scan.setInvalid(true);
        }
    }

    private void printLists() {
        Map<String, List<Parcel>> byCourier = new TreeMap<>();
        returned.forEach(p -> byCourier.computeIfAbsent(p.courier(), c -> new ArrayList<>()).add(p));
        byCourier.forEach(retention::printHandoverList);
        Notification.show(getTranslation("parcels.returns.printed", byCourier.size())).addThemeVariants(NotificationVariant.SUCCESS);
        returned.clear();
        refresh();
    }

    private void refresh() {
        overdue.setItems(retention.overdue());
        batch.setItems(returned);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.returns");
    }
}

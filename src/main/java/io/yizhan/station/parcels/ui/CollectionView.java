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
import io.yizhan.station.parcels.ParcelRefused;
import io.yizhan.station.parcels.ParcelStatus;
import io.yizhan.station.parcels.Sending;
import io.yizhan.station.parcels.Shipment;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 寄件揽收: the sent parcels waiting for their courier; the clerk scans each one the courier takes,
 * then prints one hand-over list per courier for the courier to sign.
 */
@Route(value = "counter/parcels/collection", layout = CounterLayout.class)
@Menu(order = 27, title = "menu.counter.collection")
@RolesAllowed(Role.CLERK_NAME)
public class CollectionView extends Div implements ScanConsumer, HasDynamicTitle {

    private final Sending sending;
    private final StationTime time;
    private final Grid<Shipment> awaiting = new Grid<>();
    private final Grid<Shipment> batch = new Grid<>();
    private final List<Shipment> collected = new ArrayList<>();
    private final TextField scan = new TextField();

    public CollectionView(Sending sending, StationTime time) {
        this.sending = sending;
        this.time = time;
        addClassName("counter-page");
        add(new H1(getTranslation("parcels.collect.title")));

        add(new H2(getTranslation("parcels.collect.batch")));
        scan.setLabel(getTranslation("parcels.collect.scan"));
        scan.setId("collect-scan");
        scan.setMaxLength(32);
        scan.setAutofocus(true);
        scan.addKeyDownListener(Key.ENTER, e -> collectOne(scan.getValue()));
        Button print = new Button(getTranslation("parcels.collect.print"), e -> printLists());
        print.setId("print-collection-lists");
        print.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(scan, print);
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(bar);
        columns(batch);
        batch.setId("collect-batch");
        add(batch);

        add(new H2(getTranslation("parcels.collect.awaiting")));
        columns(awaiting);
        awaiting.addColumn(s -> time.dateTime(s.createdAt())).setHeader(getTranslation("parcels.send.at")).setAutoWidth(true);
        awaiting.setId("awaiting-grid");
        add(awaiting);
        refresh();
    }

    private void columns(Grid<Shipment> grid) {
        grid.addColumn(Shipment::waybill).setHeader(getTranslation("parcels.waybill")).setAutoWidth(true);
        grid.addColumn(s -> sending.courierName(s.courier())).setHeader(getTranslation("parcels.courier")).setAutoWidth(true);
        grid.addColumn(Shipment::recipientName).setHeader(getTranslation("parcels.send.recipient")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("parcels.send.kg", s.chargeableKg())).setHeader(getTranslation("parcels.send.chargeable"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    @Override
    public void onScan(ScanReceived scanned) {
        collectOne(scanned.code());
    }

    private void collectOne(String waybill) {
        try {
            collected.add(sending.collect(waybill));
            scan.clear();
            scan.setInvalid(false);
            refresh();
        } catch (ParcelRefused e) {
            String when = e.at() != null ? time.dateTime(e.at()) : "";
            scan.setErrorMessage(getTranslation(e.messageKey(), when));
            scan.setInvalid(true);
        }
        scan.focus();
    }

    private void printLists() {
        Map<String, List<Shipment>> byCourier = new TreeMap<>();
        collected.forEach(s -> byCourier.computeIfAbsent(s.courier(), c -> new ArrayList<>()).add(s));
        byCourier.forEach(sending::printCollectionList);
        Notification.show(getTranslation("parcels.collect.printed", byCourier.size())).addThemeVariants(NotificationVariant.SUCCESS);
        collected.clear();
        refresh();
    }

    private void refresh() {
        awaiting.setItems(sending.byStatus(ParcelStatus.AWAITING_COLLECTION, 500));
        batch.setItems(collected);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.collection");
    }
}

package io.yizhan.station.parcels.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
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
import io.yizhan.station.parcels.ParcelStatus;
import io.yizhan.station.parcels.Parcels;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * 出库 at the counter: scan the parcel, or type the pickup code, the phone's last four digits or
 * the waybill; check; hand over (to a proxy with name and phone if need be). Cash on delivery is
 * taken in cash, with a receipt, before the parcel is released.
 */
@Route(value = "counter/parcels/handover", layout = CounterLayout.class)
@Menu(order = 20, title = "menu.counter.handover")
@RolesAllowed(Role.CLERK_NAME)
public class HandoverView extends Div implements ScanConsumer, HasDynamicTitle {

    private final Parcels parcels;
    private final StationTime time;
    private final TextField search = new TextField();
    private final Checkbox proxy = new Checkbox();
    private final TextField proxyName = new TextField();
    private final TextField proxyPhone = new TextField();
    private final Grid<Parcel> found = new Grid<>();
    private final Paragraph none = new Paragraph();

    public HandoverView(Parcels parcels, StationTime time) {
        this.parcels = parcels;
        this.time = time;
        addClassName("counter-page");
        add(new H1(getTranslation("parcels.handover.title")));
        search.setLabel(getTranslation("parcels.handover.search"));
        search.setId("handover-search");
        search.setAutofocus(true);
        search.addKeyDownListener(Key.ENTER, e -> find(search.getValue()));
        Button go = new Button(getTranslation("parcels.handover.find"), e -> find(search.getValue()));
        go.setId("handover-find");
        proxy.setLabel(getTranslation("parcels.handover.proxy"));
        proxy.setId("handover-proxy");
        proxyName.setLabel(getTranslation("parcels.handover.proxy-name"));
        proxyName.setId("proxy-name");
        proxyName.setMaxLength(40);
        proxyPhone.setLabel(getTranslation("parcels.handover.proxy-phone"));
        proxyPhone.setId("proxy-phone");
        proxyPhone.setAllowedCharPattern("[0-9 ]");
        proxyName.setVisible(false);
        proxyPhone.setVisible(false);
        proxy.addValueChangeListener(e -> {
            proxyName.setVisible(e.getValue());
            proxyPhone.setVisible(e.getValue());
        });
        HorizontalLayout bar = new HorizontalLayout(search, go, proxy, proxyName, proxyPhone);
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        bar.setWrap(true);
        add(bar);

        found.setId("handover-results");
        found.addColumn(Parcel::pickupCode).setHeader(getTranslation("parcels.pickup-code")).setAutoWidth(true);
        found.addColumn(Parcel::waybill).setHeader(getTranslation("parcels.waybill")).setAutoWidth(true);
        found.addColumn(Parcel::courier).setHeader(getTranslation("parcels.courier")).setAutoWidth(true);
        found.addColumn(p -> p.phone() == null ? "" : p.phone()).setHeader(getTranslation("parcels.phone")).setAutoWidth(true);
        found.addColumn(p -> p.status() == ParcelStatus.IN_STORE ? getTranslation("parcels.status.IN_STORE")
                : getTranslation("parcels.handover.left", p.leftAt() == null ? "" : time.dateTime(p.leftAt())))
                .setHeader(getTranslation("parcels.status")).setAutoWidth(true);
        found.addComponentColumn(p -> {
            Button give = new Button(p.cashOnDelivery() ? getTranslation("parcels.handover.cod", Money.yuan(p.codFen()))
                    : getTranslation("parcels.handover.give"), e -> handOver(p));
            give.addThemeVariants(ButtonVariant.PRIMARY);
            give.setEnabled(p.status() == ParcelStatus.IN_STORE);
            give.addClassName("handover-give");
            return give;
        }).setAutoWidth(true);
        found.setAllRowsVisible(true);
        none.setId("handover-none");
        add(found, none);
        found.setVisible(false);
    }

    /** A scanned parcel label: look it up by its waybill. */
    @Override
    public void onScan(ScanReceived scan) {
        search.setValue(scan.code());
        find(scan.code());
    }

    private void find(String text) {
        String q = text.strip();
        List<Parcel> result;
        if (q.matches("\\d{4}")) {
            result = parcels.byPhoneTail(q);
        } else {
            List<Parcel> byCode = q.matches("[\\d-]{6,}") ? parcels.byCode(q).map(List::of).orElse(List.of()) : List.of();
            result = !byCode.isEmpty() || q.isEmpty() ? byCode : parcels.byWaybill(q).stream().limit(1).toList();
        }
        found.setItems(result);
        found.setVisible(!result.isEmpty());
        none.setText(result.isEmpty() ? getTranslation("parcels.handover.none") : "");
    }

    private void handOver(Parcel p) {
        try {
            Parcel out = parcels.payAndPickUp(p.id(), proxy.getValue() ? proxyName.getValue() : null,
                    proxy.getValue() ? proxyPhone.getValue() : null);
            Notification.show(getTranslation("parcels.handover.done", out.pickupCode()), 3000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.SUCCESS);
            proxy.clear();
            proxyName.clear();
            proxyPhone.clear();
            search.clear();
            found.setItems(List.of(out));
            search.focus();
        } catch (Parcels.AlreadyOut e) {
            Notification.show(getTranslation(e.messageKey(), e.at() == null ? "" : time.dateTime(e.at())), 5000,
                    Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
        } catch (ParcelRefused e) {
            Notification.show(getTranslation(e.messageKey(), ""), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.handover");
    }
}

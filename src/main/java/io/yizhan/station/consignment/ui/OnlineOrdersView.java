package io.yizhan.station.consignment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import io.yizhan.station.consignment.OnlineOrders;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.Scales;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.parcels.ParcelRefused;
import io.yizhan.station.parcels.Sending;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * 网上订单: orders the platform took for the station's listed lots, those to ship first. The clerk
 * packs one, weighs the parcel on the counter's scale, chooses the courier and ships it: the waybill
 * label prints, the postage billed to the platform order. An order the station cannot fill after all
 * is cancelled with a reason, its goods back on the shelf.
 */
@Route(value = "counter/online-orders", layout = CounterLayout.class)
@Menu(order = 19.8, title = "menu.counter.online-orders")
@RolesAllowed(Role.CLERK_NAME)
public class OnlineOrdersView extends Div implements HasDynamicTitle {

    private final OnlineOrders orders;
    private final Scales scales;
    private final StationTime time;
    private final Grid<OnlineOrders.Order> grid = new Grid<>();
    private final Div ship = new Div();
    private final Select<String> courier = new Select<>();
    private final TextField grams = new TextField();
    private final TextField senderPhone = new TextField();
    private final TextField reason = new TextField();
    private final Paragraph chosen = new Paragraph();
    private final Paragraph result = new Paragraph();

    public OnlineOrdersView(OnlineOrders orders, Sending sending, Scales scales, StationTime time, StationProperties station) {
        this.orders = orders;
        this.scales = scales;
        this.time = time;
        addClassName("counter-page");
        add(new H1(getTranslation("consignment.orders.title")));
        grid.setId("online-orders");
        grid.addColumn(o -> time.dateTime(o.receivedAt())).setHeader(getTranslation("consignment.settlement.at")).setAutoWidth(true);
        grid.addColumn(o -> o.lotNo() + " " + o.productName() + " " + Quantities.text(o.unit(), o.quantity(), getLocale()))
                .setHeader(getTranslation("consignment.orders.goods")).setAutoWidth(true);
        grid.addColumn(o -> Money.yuan(o.amountFen())).setHeader(getTranslation("consignment.settlement.amount")).setAutoWidth(true);
        grid.addColumn(o -> o.recipientName() + " " + (o.recipientPhoneMasked() == null ? "" : o.recipientPhoneMasked()) + " · " + o.address())
                .setHeader(getTranslation("consignment.orders.to")).setFlexGrow(2);
        grid.addColumn(o -> getTranslation("consignment.orders.status." + o.status()) + (o.waybill() == null ? "" : " · " + o.waybill())
                + (o.reason() == null ? "" : " · " + o.reason())).setHeader(getTranslation("consignment.listings.status")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> choose(e.getFirstSelectedItem()));

        courier.setId("order-courier");
        courier.setLabel(getTranslation("consignment.orders.courier"));
        courier.setItems(sending.couriers());
        courier.setItemLabelGenerator(sending::courierName);
        sending.couriers().stream().findFirst().ifPresent(courier::setValue);
        grams.setId("order-grams");
        grams.setLabel(getTranslation("consignment.orders.grams"));
        grams.setAllowedCharPattern("[0-9]");
        grams.setMaxLength(5);
        Button weigh = new Button(getTranslation("consignment.orders.weigh"), e -> weigh());
        weigh.setId("order-weigh");
        senderPhone.setId("order-sender-phone");
        senderPhone.setLabel(getTranslation("consignment.orders.sender-phone"));
        senderPhone.setValue(station.station().phone());
        senderPhone.setAllowedCharPattern("[0-9 -]");
        Button send = new Button(getTranslation("consignment.orders.ship"), e -> ship());
        send.setId("order-ship");
        send.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        reason.setId("order-cancel-reason");
        reason.setLabel(getTranslation("consignment.orders.cancel-reason"));
        reason.setMaxLength(200);
        Button cancel = new Button(getTranslation("consignment.orders.cancel"), e -> cancel());
        cancel.setId("order-cancel");
        cancel.addThemeVariants(ButtonVariant.ERROR);
        chosen.setId("order-chosen");
        ship.add(new H2(getTranslation("consignment.orders.pack")), chosen, CounterForms.row(courier, grams, weigh, senderPhone), send,
                CounterForms.row(reason, cancel));
        ship.setVisible(false);
        result.setId("order-result");
        result.addClassName("pay-result");
        result.getElement().setAttribute("aria-live", "assertive");
        add(grid, ship, result);
        refresh();
    }

    private Optional<OnlineOrders.Order> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void choose(Optional<OnlineOrders.Order> o) {
        boolean open = o.isPresent() && o.get().status() == OnlineOrders.Status.RESERVED;
        ship.setVisible(open);
        o.ifPresent(order -> chosen.setText(getTranslation("consignment.orders.chosen", order.lotNo(), order.productName(),
                Quantities.text(order.unit(), order.quantity(), getLocale()), order.recipientName())));
    }

    private void weigh() {
        CounterScale.stableGrams(scales, key -> say("refused", getTranslation(key))).ifPresent(g -> grams.setValue(String.valueOf(g)));
    }

    private void ship() {
        Optional<OnlineOrders.Order> o = selected();
        if (o.isEmpty()) {
            return;
        }
        long g;
        try {
            g = Long.parseLong(grams.getValue().strip());
        } catch (NumberFormatException e) {
            say("refused", getTranslation("consignment.orders.weigh-first"));
            grams.focus();
            return;
        }
        try {
            OnlineOrders.Order shipped = orders.ship(o.get().id(), courier.getValue(), g, senderPhone.getValue());
            say("succeeded", getTranslation("consignment.orders.shipped", shipped.waybill(), Money.yuan(shipped.sendingCostFen() == null ? 0
                    : shipped.sendingCostFen())));
            grams.clear();
            refresh();
        } catch (ConsignmentRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        } catch (ParcelRefused e) {
            say("refused", getTranslation(e.messageKey()));
        }
    }

    private void cancel() {
        Optional<OnlineOrders.Order> o = selected();
        if (o.isEmpty()) {
            return;
        }
        try {
            orders.cancel(o.get().id(), reason.getValue());
            say("succeeded", getTranslation("consignment.orders.cancelled", o.get().lotNo()));
            reason.clear();
            refresh();
        } catch (ConsignmentRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        }
    }

    private void refresh() {
        grid.setItems(orders.recent(100));
        ship.setVisible(false);
    }

    private void say(String outcome, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", outcome);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("consignment.orders.title");
    }
}

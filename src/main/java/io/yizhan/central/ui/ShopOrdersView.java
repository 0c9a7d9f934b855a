package io.yizhan.central.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yizhan.central.CentralShop;
import io.yizhan.station.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * 代购订单: stations' orders, newest first, with what they came to, their offer and the station's
 * commission; a paid order is shipped with its courier and waybill (in demo mode it ships by itself
 * two minutes after payment). Below, after-sales requests waiting for a decision.
 */
@Route(value = "orders", layout = CentralLayout.class)
@RolesAllowed("OPERATOR")
public class ShopOrdersView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final CentralShop shop;
    private final Grid<CentralShop.Order> orders = new Grid<>();
    private final Grid<CentralShop.AfterSalesCase> afterSales = new Grid<>();
    private final Paragraph result = new Paragraph();

    public ShopOrdersView(CentralShop shop) {
        this.shop = shop;
        addClassName("counter-page");
        result.setId("orders-result");
        result.getElement().setAttribute("aria-live", "polite");
        orders.setId("shop-orders");
        orders.addColumn(o -> TIME.format(o.placedAt())).setHeader(getTranslation("central.orders.at")).setAutoWidth(true);
        orders.addColumn(o -> o.orderNo() + " · " + o.stationId()).setHeader(getTranslation("central.orders.order")).setAutoWidth(true);
        orders.addColumn(o -> String.join("，", o.lines().stream().map(l -> l.productId() + " × " + l.quantity()).toList()))
                .setHeader(getTranslation("central.orders.lines")).setFlexGrow(1);
        orders.addComponentColumn(o -> {
            com.vaadin.flow.component.html.Span amount = new com.vaadin.flow.component.html.Span(Money.yuan(o.totalFen())
                    + (o.offer() == null ? "" : " (" + o.offer() + ")")
                    + (o.commissionFen() == null ? "" : " · " + getTranslation("central.orders.commission", Money.yuan(o.commissionFen()))));
            amount.addClassName("cell-wrap");
            return amount;
        }).setHeader(getTranslation("central.orders.amount")).setFlexGrow(1);
        // wide enough for the ship form (courier, waybill, button) without scrolling the grid sideways
        orders.addComponentColumn(this::state).setHeader(getTranslation("central.orders.status")).setFlexGrow(0).setWidth("34em");
        orders.setAllRowsVisible(true);
        afterSales.setId("after-sales");
        afterSales.addColumn(c -> c.orderNo() + " · " + c.stationId()).setHeader(getTranslation("central.orders.order")).setAutoWidth(true);
        afterSales.addColumn(c -> getTranslation("shopping.after-sales.type." + c.type()) + " · " + c.reason() + " · " + Money.yuan(c.amountFen()))
                .setHeader(getTranslation("central.orders.after-sales")).setFlexGrow(1);
        afterSales.addComponentColumn(this::decide).setHeader(getTranslation("central.orders.decide")).setAutoWidth(true);
        afterSales.setAllRowsVisible(true);
        add(new H1(getTranslation("central.orders")), result, orders, new H2(getTranslation("central.orders.after-sales")), afterSales);
        refresh();
    }

    private com.vaadin.flow.component.Component state(CentralShop.Order o) {
        String words = getTranslation("shopping.status." + o.status()) + (o.waybill() == null ? "" : " · " + o.courier() + " " + o.waybill());
        if (!o.status().equals("PAID")) {
            return new com.vaadin.flow.component.html.Span(words);
        }
        TextField courier = new TextField();
        courier.setPlaceholder(getTranslation("central.orders.courier"));
        courier.setAriaLabel(getTranslation("central.orders.courier"));
        courier.setWidth("7em");
        TextField waybill = new TextField();
        waybill.setPlaceholder(getTranslation("central.orders.waybill"));
        waybill.setAriaLabel(getTranslation("central.orders.waybill"));
        Button ship = new Button(getTranslation("central.orders.ship"), e -> {
            try {
                shop.ship(o.orderNo(), courier.getValue().strip(), waybill.getValue().strip().toUpperCase(java.util.Locale.ROOT));
                result.setText(getTranslation("central.orders.shipped", o.orderNo()));
            } catch (CentralShop.Refused refused) {
                result.setText(refused.getMessage());
            }
            refresh();
        });
        ship.setId("ship-" + o.orderNo());
        ship.addThemeVariants(ButtonVariant.PRIMARY);
        return new HorizontalLayout(new com.vaadin.flow.component.html.Span(words), courier, waybill, ship);
    }

    private com.vaadin.flow.component.Component decide(CentralShop.AfterSalesCase c) {
        TextField note = new TextField();
        note.setPlaceholder(getTranslation("central.orders.note"));
        note.setAriaLabel(getTranslation("central.orders.note"));
        Button approve = new Button(getTranslation("central.orders.approve"), e -> decided(c, true, note.getValue()));
        approve.setId("approve-" + c.id());
        Button reject = new Button(getTranslation("central.orders.reject"), e -> decided(c, false, note.getValue()));
        reject.addThemeVariants(ButtonVariant.ERROR);
        return new HorizontalLayout(note, approve, reject);
    }

    private void decided(CentralShop.AfterSalesCase c, boolean approved, String note) {
        if (!approved && note.isBlank()) {
            result.setText(getTranslation("central.orders.reason-needed"));
            return;
        }
        shop.decideAfterSales(c.id(), approved, note.isBlank() ? null : note.strip());
        result.setText(getTranslation(approved ? "central.orders.approved" : "central.orders.rejected", c.orderNo()));
        refresh();
    }

    private void refresh() {
        orders.setItems(shop.orders(100));
        afterSales.setItems(shop.pendingAfterSales());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("central.orders");
    }
}

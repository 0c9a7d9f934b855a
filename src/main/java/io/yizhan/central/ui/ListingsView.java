package io.yizhan.central.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.yizhan.central.CentralListings;
import io.yizhan.station.shared.Money;
import jakarta.annotation.security.RolesAllowed;

/**
 * 代销商品审核: listings stations sent, newest first, each with its picture, title, description,
 * price and quantity; the operator lists it or rejects it with a reason, which goes back to the
 * station.
 */
@Route(value = "listings", layout = CentralLayout.class)
@RolesAllowed("OPERATOR")
public class ListingsView extends Div implements HasDynamicTitle {

    private final CentralListings listings;
    private final AuthenticationContext auth;
    private final Grid<CentralListings.Listing> grid = new Grid<>();
    private final Paragraph result = new Paragraph();
    private final Grid<CentralListings.Order> orders = new Grid<>();

    public ListingsView(CentralListings listings, AuthenticationContext auth) {
        this.listings = listings;
        this.auth = auth;
        addClassName("counter-page");
        add(new H1(getTranslation("central.listings")), new Paragraph(getTranslation("central.listings.help")));
        result.setId("listing-review-result");
        result.getElement().setAttribute("aria-live", "polite");
        grid.setId("listings");
        grid.addComponentColumn(l -> {
            if (l.thumbnail() == null) {
                return new Span(getTranslation("central.listings.no-picture"));
            }
            Image picture = new Image("data:image/jpeg;base64," + l.thumbnail(), l.title());
            picture.setWidth("96px");
            return picture;
        }).setHeader(getTranslation("central.listings.picture")).setAutoWidth(true);
        grid.addComponentColumn(l -> {
            Span text = new Span(l.title() + " — " + l.description());
            text.addClassName("cell-wrap");
            return text;
        }).setHeader(getTranslation("central.listings.title")).setFlexGrow(3);
        grid.addColumn(l -> Money.yuan(l.priceFen()) + "/" + getTranslation("inventory.unit.per." + l.unit()) + " · "
                + (l.unit().equals("KG") ? String.format("%.3f", l.quantity() / 1000.0) : String.valueOf(l.quantity())) + " "
                + getTranslation("inventory.unit.per." + l.unit())).setHeader(getTranslation("central.listings.offer")).setAutoWidth(true);
        grid.addColumn(l -> l.stationId() + " · " + l.lotNo() + " · " + l.origin()).setHeader(getTranslation("central.listings.from")).setAutoWidth(true);
        grid.addComponentColumn(this::decision).setHeader(getTranslation("central.listings.status")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        orders.setId("online-orders");
        orders.addColumn(o -> o.title()).setHeader(getTranslation("central.listings.title")).setFlexGrow(2);
        orders.addColumn(o -> (o.unit().equals("KG") ? String.format("%.3f", o.quantity() / 1000.0) : String.valueOf(o.quantity())) + " "
                + getTranslation("inventory.unit.per." + o.unit()) + " · " + Money.yuan(o.amountFen()) + " + " + Money.yuan(o.shippingFen()))
                .setHeader(getTranslation("central.listings.offer")).setAutoWidth(true);
        orders.addColumn(o -> o.recipientName() + " " + (o.recipientPhoneMasked() == null ? "" : o.recipientPhoneMasked()))
                .setHeader(getTranslation("central.listings.recipient")).setAutoWidth(true);
        orders.addColumn(o -> getTranslation("central.orders.status." + o.status()) + (o.waybill() == null ? "" : " · " + o.waybill())
                + (o.sendingCostFen() == null ? "" : " · " + getTranslation("central.orders.postage", Money.yuan(o.sendingCostFen())))
                + (o.reason() == null ? "" : " · " + o.reason())).setHeader(getTranslation("central.listings.status")).setAutoWidth(true);
        orders.setAllRowsVisible(true);
        add(result, grid, new com.vaadin.flow.component.html.H2(getTranslation("central.orders")), orders);
        refresh();
    }

    private com.vaadin.flow.component.Component decision(CentralListings.Listing l) {
        Span status = new Span(getTranslation("central.listings.status." + l.status()) + (l.reason() == null ? "" : " · " + l.reason()));
        if (l.status().equals("LISTED")) {
            // the platform's sandbox buyer: an order for this lot goes to the station
            TextField quantity = new TextField();
            quantity.setAriaLabel(getTranslation("central.listings.order-quantity." + l.unit()));
            quantity.setPlaceholder(getTranslation("central.listings.order-quantity." + l.unit()));
            quantity.setAllowedCharPattern("[0-9]");
            quantity.setWidth("9em");
            Button buy = new Button(getTranslation("central.listings.order"), e -> {
                try {
                    CentralListings.Order o = listings.order(l.id(), Long.parseLong(quantity.getValue().isBlank() ? "0" : quantity.getValue()),
                            getTranslation("central.listings.test-buyer"), "13800138000", "GD", getTranslation("central.listings.test-address"));
                    result.setText(getTranslation("central.listings.ordered", l.title(), Money.yuan(o.amountFen())));
                    refresh();
                } catch (IllegalArgumentException bad) {
                    result.setText(getTranslation("central.listings.cannot-order"));
                }
            });
            buy.setId("order-" + l.id());
            return new Div(status, quantity, buy);
        }
        if (!l.status().equals("PENDING")) {
            return status;
        }
        TextField reason = new TextField();
        reason.setPlaceholder(getTranslation("central.listings.reason"));
        reason.setAriaLabel(getTranslation("central.listings.reason"));
        reason.setMaxLength(200);
        Button approve = new Button(getTranslation("central.listings.approve"), e -> review(l, true, null));
        approve.addThemeVariants(ButtonVariant.PRIMARY);
        approve.setId("approve-" + l.id());
        Button reject = new Button(getTranslation("central.listings.reject"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("central.listings.reason-required"));
                return;
            }
            review(l, false, reason.getValue());
        });
        reject.setId("reject-" + l.id());
        return new Div(approve, reason, reject);
    }

    private void review(CentralListings.Listing l, boolean approved, String reason) {
        boolean done = listings.review(l.id(), approved, reason, auth.getPrincipalName().orElse("operator"));
        result.setText(getTranslation(done ? (approved ? "central.listings.listed" : "central.listings.rejected") : "central.listings.already", l.title()));
        refresh();
    }

    private void refresh() {
        grid.setItems(listings.recent(null, 200));
        orders.setItems(listings.orders(null));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("central.title") + " · " + getTranslation("central.listings");
    }
}

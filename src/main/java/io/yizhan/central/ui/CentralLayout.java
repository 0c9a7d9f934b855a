package io.yizhan.central.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** Central's frame: title, its screens, sign-out. */
@jakarta.annotation.security.RolesAllowed("OPERATOR")
public class CentralLayout extends AppLayout {

    public CentralLayout(AuthenticationContext auth) {
        Span title = new Span(getTranslation("central.title"));
        title.addClassName("counter-title");
        Nav nav = new Nav(new RouterLink(getTranslation("central.stations"), StationsView.class),
                new RouterLink(getTranslation("central.sms"), SmsView.class), new RouterLink(getTranslation("central.gateway"), GatewayView.class),
                new RouterLink(getTranslation("central.listings"), ListingsView.class),
                new RouterLink(getTranslation("central.orders"), ShopOrdersView.class), new RouterLink(getTranslation("central.catalog"), CatalogView.class));
        nav.addClassName("central-nav");
        Button out = new Button(getTranslation("counter.sign-out"), e -> auth.logout());
        out.setId("sign-out");
        com.vaadin.flow.component.html.Div bar = new com.vaadin.flow.component.html.Div(title, nav, out);
        bar.addClassName("counter-navbar");
        addToNavbar(bar);
    }
}

package io.yizhan.station.counter;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.yizhan.station.counter.internal.StaffCallAlerts;
import io.yizhan.station.shared.DemoBadge;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.TerminalKind;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The frame of every counter screen: station, terminal and user on top, the side menu built from
 * {@code @Menu} routes under {@code /counter} that the user's role may open, the status strip at the
 * bottom, and call-staff alerts pushed from the kiosks.
 */
@PermitAll
public class CounterLayout extends AppLayout implements BeforeEnterObserver, AfterNavigationObserver {

    private final StationProperties station;
    private final AuthenticationContext auth;
    private final StaffCallAlerts alerts;
    private final List<StatusStripItem> statusItems;
    private final SideNav nav = new SideNav();
    private final Div viewHolder = new Div();
    private @Nullable Runnable unsubscribe;

    public CounterLayout(StationProperties station, AuthenticationContext auth, StaffCallAlerts alerts,
                         List<StatusStripItem> statusItems) {
        this.station = station;
        this.auth = auth;
        this.alerts = alerts;
        this.statusItems = statusItems.stream().sorted(Comparator.comparingInt(StatusStripItem::order)).toList();
        addClassName("counter");
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("counter.menu.toggle"));
        Span title = new Span(station.station().name());
        title.addClassName("counter-title");
        Div top = new Div(toggle, title);
        top.addClassName("counter-top");
        if (station.demo()) {
            top.add(new DemoBadge());
        }
        Span terminal = new Span(getTranslation("counter.terminal", CurrentTerminal.name()));
        terminal.setId("counter-terminal");
        terminal.addClassName("counter-meta");
        Span user = new Span(auth.getPrincipalName().orElse(""));
        user.setId("counter-user");
        user.addClassName("counter-meta");
        Select<Locale> language = new Select<>();
        language.setItems(Translations.LOCALES);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.toLanguageTag()));
        language.setAriaLabel(getTranslation("counter.language"));
        language.setValue(Translations.supported(UI.getCurrent().getLocale()));
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UI.getCurrent().getSession().setLocale(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        language.addClassName("counter-language");
        Button signOut = new Button(getTranslation("counter.sign-out"), e -> auth.logout());
        signOut.setId("sign-out");
        Div meta = new Div(terminal, user, language, signOut);
        meta.addClassName("counter-top-right");
        Div navbar = new Div(top, meta);
        navbar.addClassName("counter-navbar");
        addToNavbar(navbar);

        Span brand = new Span(getTranslation("counter.brand"));
        brand.addClassName("counter-brand");
        addToDrawer(brand, nav);

        viewHolder.addClassName("counter-view");
        Footer strip = new Footer();
        strip.addClassName("status-strip");
        strip.setId("status-strip");
        strip.getElement().setAttribute("aria-label", getTranslation("counter.status-strip"));
        this.statusItems.forEach(item -> strip.add(item.create()));
        Div area = new Div(viewHolder, strip);
        area.addClassName("counter-area");
        setContent(area);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        viewHolder.getElement().removeAllChildren();
        viewHolder.getElement().appendChild(content.getElement());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean counter = CurrentTerminal.get().map(t -> t.kind() == TerminalKind.COUNTER).orElse(false);
        if (!counter && !station.demo()) {
            event.rerouteTo("pair");
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.getElement().executeJs("document.documentElement.lang = $0", Translations.languageTag(ui.getLocale()));
        buildMenu();
        unsubscribe = alerts.subscribe(ui);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        buildMenu();
    }

    private void buildMenu() {
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (!entry.path().startsWith("/counter") && !entry.path().startsWith("counter")) {
                continue;
            }
            String path = entry.path().startsWith("/") ? entry.path() : "/" + entry.path();
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), path);
            nav.addItem(item);
        }
    }
}

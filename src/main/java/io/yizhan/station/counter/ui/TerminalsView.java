package io.yizhan.station.counter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import io.yizhan.station.terminals.PairingException;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalStatus;
import io.yizhan.station.terminals.Terminals;
import jakarta.annotation.security.RolesAllowed;

/** Managers pair browsers with the station's terminals (by the code an unpaired screen shows) and unpair them. */
@Route(value = "counter/terminals", layout = CounterLayout.class)
@Menu(order = 80, title = "menu.counter.terminals")
@RolesAllowed(Role.MANAGER_NAME)
class TerminalsView extends Div implements HasDynamicTitle {

    private final Terminals terminals;
    private final AuthenticationContext auth;
    private final Grid<TerminalStatus> grid = new Grid<>();

    TerminalsView(Terminals terminals, AuthenticationContext auth, StationTime time) {
        this.terminals = terminals;
        this.auth = auth;
        addClassName("counter-page");
        add(new H1(getTranslation("terminals.title")));

        grid.setId("terminals-grid");
        grid.addColumn(s -> s.terminal().id().value()).setHeader(getTranslation("terminals.id"));
        grid.addColumn(s -> getTranslation("terminals.kind." + s.terminal().kind().name().toLowerCase()))
                .setHeader(getTranslation("terminals.kind"));
        grid.addColumn(s -> s.paired() ? getTranslation("terminals.paired", s.pairedBrowsers()) : getTranslation("terminals.unpaired"))
                .setHeader(getTranslation("terminals.state"));
        grid.addColumn(s -> s.lastPairedAt() == null ? "" : time.dateTime(s.lastPairedAt()) + " · " + s.lastPairedBy())
                .setHeader(getTranslation("terminals.last"));
        grid.addComponentColumn(s -> {
            Button unpair = new Button(getTranslation("terminals.unpair"), e -> {
                terminals.unpair(s.terminal().id(), auth.getPrincipalName().orElseThrow());
                refresh();
            });
            unpair.addThemeVariants(ButtonVariant.ERROR);
            unpair.setEnabled(s.paired());
            return unpair;
        });
        grid.setAllRowsVisible(true);
        add(grid);

        add(new H2(getTranslation("terminals.pair.title")));
        add(new Paragraph(getTranslation("terminals.pair.help")));
        TextField code = new TextField(getTranslation("terminals.pair.code"));
        code.setId("pair-code");
        code.setAllowedCharPattern("[0-9]");
        code.setMaxLength(6);
        Select<Terminal> target = new Select<>();
        target.setLabel(getTranslation("terminals.pair.terminal"));
        target.setId("pair-terminal");
        target.setItems(terminals.all());
        target.setItemLabelGenerator(t -> t.id().value() + " · " + getTranslation("terminals.kind." + t.kind().name().toLowerCase()));
        Button pair = new Button(getTranslation("terminals.pair.button"), e -> {
            if (target.getValue() == null || code.getValue().length() != 6) {
                Notification.show(getTranslation("pairing.error.incomplete")).addThemeVariants(NotificationVariant.ERROR);
                return;
            }
            try {
                terminals.pairByCode(code.getValue(), target.getValue().id(), auth.getPrincipalName().orElseThrow());
                Notification.show(getTranslation("terminals.pair.done", target.getValue().id().value()))
                        .addThemeVariants(NotificationVariant.SUCCESS);
                code.clear();
                refresh();
            } catch (PairingException ex) {
                Notification.show(getTranslation(ex.messageKey())).addThemeVariants(NotificationVariant.ERROR);
            }
        });
        pair.setId("pair-button");
        pair.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout form = new HorizontalLayout(code, target, pair);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(form);
        refresh();
    }

    private void refresh() {
        grid.setItems(terminals.statuses());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.terminals");
    }
}

package io.yizhan.station.counter.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.counter.internal.StaffCallAlerts;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import io.yizhan.station.terminals.CurrentTerminal;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/** The counter's start screen: who is signed in where, and the kiosk calls waiting for someone. */
@Route(value = "counter", layout = CounterLayout.class)
@Menu(order = 0, title = "menu.counter.home")
@RolesAllowed(Role.CLERK_NAME)
class CounterHomeView extends Div implements HasDynamicTitle {

    private final StaffCallAlerts calls;
    private final Grid<StaffCallAlerts.OpenCall> open = new Grid<>();
    private final Paragraph none = new Paragraph();
    private @Nullable Registration changes;

    CounterHomeView(StaffCallAlerts calls, AuthenticationContext auth, StationTime time) {
        this.calls = calls;
        addClassName("counter-page");
        add(new H1(getTranslation("counter.home.title")));
        add(new Paragraph(getTranslation("counter.home.signed-in", auth.getPrincipalName().orElse(""), CurrentTerminal.name())));
        add(new H2(getTranslation("counter.home.calls")));
        open.addColumn(c -> c.terminal()).setHeader(getTranslation("counter.home.calls.terminal"));
        open.addColumn(c -> time.dateTime(c.calledAt())).setHeader(getTranslation("counter.home.calls.at"));
        open.addComponentColumn(c -> {
            Button take = new Button(getTranslation("counter.staff-call.answer"), e -> {
                calls.answer(c.id(), auth.getPrincipalName().orElse("?"));
                refresh();
            });
            return take;
        }).setHeader(getTranslation("counter.home.calls.action"));
        open.setAllRowsVisible(true);
        open.setId("open-calls");
        none.setText(getTranslation("counter.home.calls.none"));
        add(open, none);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        changes = ComponentUtil.addListener(event.getUI(), StaffCallAlerts.CallsChanged.class, e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (changes != null) {
            changes.remove();
        }
    }

    private void refresh() {
        var list = calls.open();
        open.setItems(list);
        open.setVisible(!list.isEmpty());
        none.setVisible(list.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.home");
    }
}

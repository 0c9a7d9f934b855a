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
import io.yizhan.station.counter.CounterRequest;
import io.yizhan.station.counter.CounterRequests;
import io.yizhan.station.counter.internal.StaffCallAlerts;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import io.yizhan.station.terminals.CurrentTerminal;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/** The counter's start screen: who is signed in where, the kiosk calls waiting for someone, and the request queue. */
@Route(value = "counter", layout = CounterLayout.class)
@Menu(order = 0, title = "menu.counter.home")
@RolesAllowed(Role.CLERK_NAME)
class CounterHomeView extends Div implements HasDynamicTitle {

    private final StaffCallAlerts calls;
    private final Grid<StaffCallAlerts.OpenCall> open = new Grid<>();
    private final Paragraph none = new Paragraph();
    private final CounterRequests requests;
    private final Grid<CounterRequest> queue = new Grid<>();
    private final Paragraph noRequests = new Paragraph();
    private @Nullable Registration changes;

    CounterHomeView(StaffCallAlerts calls, CounterRequests requests, AuthenticationContext auth, StationTime time) {
        this.calls = calls;
        this.requests = requests;
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

        add(new H2(getTranslation("counter.home.requests")));
        queue.setId("request-queue");
        queue.addColumn(r -> "#" + r.number()).setHeader(getTranslation("counter.home.requests.number")).setAutoWidth(true);
        queue.addColumn(r -> getTranslation("counter.request.kind." + r.kind(), r.detail())).setHeader(getTranslation("counter.home.requests.what"))
                .setFlexGrow(2);
        queue.addColumn(CounterRequest::fromTerminal).setHeader(getTranslation("counter.home.calls.terminal")).setAutoWidth(true);
        queue.addColumn(r -> time.time(r.postedAt())).setHeader(getTranslation("counter.home.calls.at")).setAutoWidth(true);
        queue.addComponentColumn(r -> {
            String clerk = auth.getPrincipalName().orElse("?");
            if (r.takenBy() == null) {
                Button take = new Button(getTranslation("counter.request.take"), e -> {
                    if (requests.take(r.id(), clerk) && r.route() != null) {
                        getUI().ifPresent(ui -> ui.navigate(r.route()));
                    }
                    refresh();
                });
                return take;
            }
            Button done = new Button(getTranslation("counter.request.done", r.takenBy()), e -> {
                requests.done(r.id());
                refresh();
            });
            return done;
        }).setHeader(getTranslation("counter.home.calls.action")).setAutoWidth(true);
        queue.setAllRowsVisible(true);
        noRequests.setText(getTranslation("counter.home.requests.none"));
        add(queue, noRequests);
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
        java.util.List<CounterRequest> all = new java.util.ArrayList<>(requests.waiting());
        all.addAll(requests.inHand());
        queue.setItems(all);
        queue.setVisible(!all.isEmpty());
        noRequests.setVisible(all.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.home");
    }
}

package io.yizhan.station.counter.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.AuditEntry;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;

/** The audit log, newest first, paged from the database as the manager scrolls. */
@Route(value = "counter/audit", layout = CounterLayout.class)
@Menu(order = 90, title = "menu.counter.audit")
@RolesAllowed(Role.MANAGER_NAME)
class AuditLogView extends Div implements HasDynamicTitle {

    AuditLogView(AuditLog audit, StationTime time) {
        addClassName("counter-page");
        add(new H1(getTranslation("audit.title")));
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit-grid");
        grid.addColumn(e -> time.dateTime(e.at())).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditEntry::terminal).setHeader(getTranslation("audit.terminal")).setAutoWidth(true);
        grid.addColumn(e -> describe(e.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEntry::subject).setHeader(getTranslation("audit.subject")).setFlexGrow(1);
        grid.setItems(query -> audit.latest(query.getOffset(), query.getLimit()).stream(), query -> audit.count());
        grid.addClassName("audit-grid");
        add(grid);
    }

    private String describe(String action) {
        String text = getTranslation("audit.action." + action);
        return text.startsWith("!") ? action : text;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.audit");
    }
}

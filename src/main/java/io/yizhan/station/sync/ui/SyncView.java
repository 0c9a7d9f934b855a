package io.yizhan.station.sync.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import io.yizhan.station.sync.QuarantinedEvent;
import io.yizhan.station.sync.Sync;
import io.yizhan.station.sync.SyncProperties;
import io.yizhan.station.sync.SyncStatus;
import jakarta.annotation.security.RolesAllowed;

/**
 * 数据同步 (manager): whether central is reachable, how many events wait and how old the oldest is,
 * when central last acknowledged, the last error, and the quarantined events with central's reason
 * and a retry.
 */
@Route(value = "counter/sync", layout = CounterLayout.class)
@Menu(order = 75, title = "menu.counter.sync")
@RolesAllowed(Role.MANAGER_NAME)
public class SyncView extends Div implements HasDynamicTitle {

    private final Sync sync;
    private final StationTime time;
    private final Paragraph link = new Paragraph();
    private final Paragraph queue = new Paragraph();
    private final Paragraph last = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final Grid<QuarantinedEvent> quarantined = new Grid<>();

    public SyncView(Sync sync, StationTime time, SyncProperties properties) {
        this.sync = sync;
        this.time = time;
        addClassName("counter-page");
        add(new H1(getTranslation("sync.title")));
        link.setId("sync-link");
        queue.setId("sync-queue");
        last.setId("sync-last");
        error.setId("sync-error");
        add(new Paragraph(getTranslation("sync.central", properties.centralUrl().toString())), link, queue, last, error);
        Button refresh = new Button(getTranslation("sync.refresh"), e -> refresh());
        refresh.setId("sync-refresh");
        add(refresh);

        add(new H2(getTranslation("sync.quarantined")));
        quarantined.setId("sync-quarantined");
        quarantined.addColumn(QuarantinedEvent::type).setHeader(getTranslation("sync.event.type")).setAutoWidth(true);
        quarantined.addColumn(QuarantinedEvent::aggregateId).setHeader(getTranslation("sync.event.aggregate")).setAutoWidth(true);
        quarantined.addColumn(q -> time.dateTime(q.occurredAt())).setHeader(getTranslation("sync.event.at")).setAutoWidth(true);
        quarantined.addColumn(QuarantinedEvent::reason).setHeader(getTranslation("sync.event.reason")).setFlexGrow(1);
        quarantined.addComponentColumn(q -> {
            Button retry = new Button(getTranslation("sync.retry"), e -> {
                sync.retry(q.id());
                refresh();
            });
            retry.addClassName("sync-retry");
            return retry;
        }).setAutoWidth(true);
        quarantined.setAllRowsVisible(true);
        add(quarantined);
        refresh();
    }

    private void refresh() {
        SyncStatus s = sync.status();
        link.setText(getTranslation(s.online() ? "sync.link.online" : "sync.link.offline"));
        link.getElement().setAttribute("data-state", s.online() ? "ok" : "offline");
        queue.setText(getTranslation("sync.queue", s.pending(), s.oldestPendingSeconds() / 60));
        last.setText(getTranslation("sync.last", s.lastSuccessAt() == null ? getTranslation("sync.never") : time.dateTime(s.lastSuccessAt())));
        error.setText(s.lastError() == null || s.online() ? "" : getTranslation("sync.error", explain(s.lastError())));
        error.setVisible(!error.getText().isEmpty());
        if (s.alarm()) {
            link.setText(getTranslation("sync.link.alarm"));
            link.getElement().setAttribute("data-state", "trouble");
        }
        quarantined.setItems(sync.quarantined());
    }

    /** The last failure in words staff can act on; the technical text stays for support. */
    private String explain(String error) {
        if (error.contains("HTTP 401")) {
            return getTranslation("sync.error.key") + " (" + error + ")";
        }
        if (error.contains("ConnectException") || error.contains("ConnectTimeout") || error.contains("UnresolvedAddress")) {
            return getTranslation("sync.error.connect") + " (" + error + ")";
        }
        return error;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.sync");
    }
}

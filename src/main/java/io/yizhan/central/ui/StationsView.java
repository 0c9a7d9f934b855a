package io.yizhan.central.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yizhan.central.Stations;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/** Every station: last contact, how long since its last event (lag), events received and duplicates ignored. */
@Route(value = "", layout = CentralLayout.class)
@RolesAllowed("OPERATOR")
public class StationsView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public StationsView(Stations stations, Clock clock, @Value("${yizhan.central.zone:Asia/Shanghai}") ZoneId zone) {
        addClassName("counter-page");
        add(new H1(getTranslation("central.stations")));
        Grid<Stations.Summary> grid = new Grid<>();
        grid.setId("stations");
        grid.addColumn(Stations.Summary::id).setHeader(getTranslation("central.station.id")).setAutoWidth(true);
        grid.addColumn(Stations.Summary::name).setHeader(getTranslation("central.station.name")).setAutoWidth(true);
        grid.addColumn(s -> when(s.lastContactAt(), zone)).setHeader(getTranslation("central.station.contact")).setAutoWidth(true);
        grid.addColumn(s -> lag(s.lastEventAt(), clock.instant())).setHeader(getTranslation("central.station.lag")).setAutoWidth(true);
        grid.addColumn(Stations.Summary::eventsReceived).setHeader(getTranslation("central.station.events")).setAutoWidth(true);
        grid.addColumn(Stations.Summary::duplicatesIgnored).setHeader(getTranslation("central.station.duplicates")).setAutoWidth(true);
        grid.setItems(stations.all());
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private String when(@Nullable Instant t, ZoneId zone) {
        return t == null ? getTranslation("central.never") : TIME.format(t.atZone(zone));
    }

    private String lag(@Nullable Instant lastEvent, Instant now) {
        if (lastEvent == null) {
            return getTranslation("central.never");
        }
        Duration d = Duration.between(lastEvent, now);
        return d.toMinutes() < 1 ? getTranslation("central.lag.seconds", d.toSeconds())
                : d.toHours() < 1 ? getTranslation("central.lag.minutes", d.toMinutes()) : getTranslation("central.lag.hours", d.toHours());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("central.title") + " · " + getTranslation("central.stations");
    }
}

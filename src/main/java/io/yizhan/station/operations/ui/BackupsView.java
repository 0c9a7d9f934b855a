package io.yizhan.station.operations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.operations.Backup;
import io.yizhan.station.operations.StationBackups;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;

/** The manager's view of the nightly backups, with a button to take one now. */
@Route(value = "counter/backups", layout = CounterLayout.class)
@Menu(order = 85, title = "menu.counter.backups")
@RolesAllowed(Role.MANAGER_NAME)
class BackupsView extends Div implements HasDynamicTitle {

    BackupsView(StationBackups backups, StationTime time) {
        addClassName("counter-page");
        add(new H1(getTranslation("backup.title")));
        add(new Paragraph(getTranslation("backup.help")));
        Grid<Backup> grid = new Grid<>();
        grid.setId("backups-grid");
        grid.addColumn(b -> time.dateTime(b.takenAt())).setHeader(getTranslation("backup.at"));
        grid.addColumn(b -> b.file().getFileName().toString()).setHeader(getTranslation("backup.file"));
        grid.addColumn(b -> String.format("%.1f MB", b.bytes() / 1_048_576.0)).setHeader(getTranslation("backup.size"));
        grid.setAllRowsVisible(true);
        grid.setItems(backups.list());
        Button now = new Button(getTranslation("backup.now"), e -> {
            var backup = backups.backupByHand();
            grid.setItems(backups.list());
            Notification.show(getTranslation("backup.done", backup.file().getFileName().toString()))
                    .addThemeVariants(NotificationVariant.SUCCESS);
        });
        now.setId("backup-now");
        now.addThemeVariants(ButtonVariant.PRIMARY);
        now.setEnabled(backups.supported());
        add(now, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.backups");
    }
}

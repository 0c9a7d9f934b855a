package io.yizhan.station.operations.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import io.yizhan.station.counter.StatusStripItem;
import io.yizhan.station.operations.StationBackups;
import io.yizhan.station.shared.StationTime;

/** Status strip: when the station database was last backed up. */
@org.springframework.stereotype.Component
class BackupStatusItem implements StatusStripItem {

    private final StationBackups backups;
    private final StationTime time;

    BackupStatusItem(StationBackups backups, StationTime time) {
        this.backups = backups;
        this.time = time;
    }

    @Override
    public Component create() {
        Span item = new Span();
        item.setId("status-backup");
        item.addClassName("status-item");
        if (!backups.supported()) {
            item.setText(item.getTranslation("backup.status.external"));
        } else {
            item.setText(backups.latest()
                    .map(b -> item.getTranslation("backup.status.last", time.dateTime(b.takenAt())))
                    .orElseGet(() -> item.getTranslation("backup.status.none")));
        }
        return item;
    }

    @Override
    public int order() {
        return 900;
    }
}

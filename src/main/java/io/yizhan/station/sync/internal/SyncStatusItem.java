package io.yizhan.station.sync.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import io.yizhan.station.counter.StatusStripItem;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.sync.Sync;
import io.yizhan.station.sync.SyncStatus;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;

/** Status strip: online or offline, how many events wait and since when, quarantined ones; red after the alarm time. */
@org.springframework.stereotype.Component
class SyncStatusItem implements StatusStripItem {

    private final Sync sync;
    private final StationTime time;
    private final Map<Span, UI> live = new ConcurrentHashMap<>();

    SyncStatusItem(Sync sync, StationTime time) {
        this.sync = sync;
        this.time = time;
    }

    @Override
    public Component create() {
        Span item = new Span();
        item.setId("status-sync");
        item.addClassName("status-item");
        item.addAttachListener(e -> live.put(item, e.getUI()));
        item.addDetachListener(e -> live.remove(item));
        render(item, sync.status(), UI.getCurrent().getLocale());
        return item;
    }

    @Scheduled(fixedDelayString = "PT5S")
    void refresh() {
        if (live.isEmpty()) {
            return;
        }
        SyncStatus status = sync.status();
        live.forEach((item, ui) -> ui.access(() -> render(item, status, ui.getLocale())));
    }

    private void render(Span item, SyncStatus s, Locale locale) {
        String text = item.getTranslation(locale, s.online() ? "sync.status.online" : "sync.status.offline", s.pending());
        if (s.pending() > 0 && s.oldestPendingSeconds() >= 60) {
            text += item.getTranslation(locale, "sync.status.oldest", s.oldestPendingSeconds() / 60);
        }
        if (s.quarantined() > 0) {
            text += item.getTranslation(locale, "sync.status.quarantined", s.quarantined());
        }
        if (s.alarm()) {
            text = item.getTranslation(locale, "sync.status.alarm", s.lastSuccessAt() == null ? "—" : time.dateTime(s.lastSuccessAt()))
                    + " " + text;
        }
        item.setText(text);
        item.getElement().setAttribute("data-state", s.alarm() || s.quarantined() > 0 ? "trouble" : s.online() ? "ok" : "offline");
    }

    @Override
    public int order() {
        return 110;
    }
}

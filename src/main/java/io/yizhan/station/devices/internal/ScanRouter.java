package io.yizhan.station.devices.internal;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers each scan to the screens open at the scanner's terminal: to the current view when it is
 * a {@link ScanConsumer}, otherwise as a notice on that screen. Pushed, so it arrives at once.
 */
@Component
public class ScanRouter {

    /** UI → the terminal it was opened at. */
    private final Map<UI, String> screens = new ConcurrentHashMap<>();

    public Runnable register(UI ui, String terminal) {
        screens.put(ui, terminal);
        return () -> screens.remove(ui);
    }

    @EventListener
    void on(ScanReceived scan) {
        screens.forEach((ui, terminal) -> {
            if (terminal.equals(scan.terminal())) {
                ui.access(() -> deliver(ui, scan));
            }
        });
    }

    /** Hands the scan to the current view, or tells the person that this screen takes no scans. */
    public static void deliver(UI ui, ScanReceived scan) {
        List<HasElement> chain = ui.getInternals().getActiveRouterTargetsChain();
        if (!chain.isEmpty() && chain.getFirst() instanceof ScanConsumer consumer) {
            consumer.onScan(scan);
            return;
        }
        Notification notice = new Notification(ui.getTranslation("devices.scan.unused", scan.code()), 6000,
                Notification.Position.MIDDLE);
        notice.addClassName("scan-notice");
        ui.add(notice);
        notice.open();
    }
}

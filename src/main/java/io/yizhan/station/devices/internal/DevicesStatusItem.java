package io.yizhan.station.devices.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import io.yizhan.station.counter.StatusStripItem;
import io.yizhan.station.devices.DeviceHealth;
import io.yizhan.station.devices.DeviceState;
import java.util.List;
import java.util.stream.Collectors;

/** Status strip: all devices fine, or which ones are not and why. */
@org.springframework.stereotype.Component
class DevicesStatusItem implements StatusStripItem {

    private final DeviceRegistry registry;
    private final ScanRouter router;
    private final io.yizhan.station.devices.Scanners scanners;

    DevicesStatusItem(DeviceRegistry registry, ScanRouter router, io.yizhan.station.devices.Scanners scanners) {
        this.registry = registry;
        this.router = router;
        this.scanners = scanners;
    }

    /** Open counter screens' items, kept current as device states change. */
    private final java.util.Map<Span, com.vaadin.flow.component.UI> live = new java.util.concurrent.ConcurrentHashMap<>();
    /** item → its text (the item also carries the scan bridge) */
    private final java.util.Map<Span, Span> texts = new java.util.concurrent.ConcurrentHashMap<>();

    @org.springframework.context.event.EventListener
    void on(io.yizhan.station.devices.DeviceStatusChanged changed) {
        live.forEach((item, ui) -> ui.access(() -> render(item, ui.getLocale())));
    }

    @Override
    public Component create() {
        Span item = new Span();
        item.addAttachListener(e -> live.put(item, e.getUI()));
        item.addDetachListener(e -> live.remove(item));
        item.setId("status-devices");
        item.addClassName("status-item");
        Span text = new Span();
        text.addClassName("status-devices-text");
        item.add(text);
        texts.put(item, text);
        item.addAttachListener(e -> texts.put(item, text));
        item.addDetachListener(e -> texts.remove(item));
        render(item, com.vaadin.flow.component.UI.getCurrent().getLocale());
        // every counter screen carries the strip, so it carries the scanner bridge too
        item.add(new ScanBridge(router, scanners));
        return item;
    }

    private void render(Span item, java.util.Locale locale) {
        Span text = texts.get(item);
        if (text == null) {
            return;
        }
        List<DeviceHealth> troubled = registry.health(locale).stream().filter(h -> h.state() != DeviceState.ONLINE).toList();
        text.setText(troubled.isEmpty() ? item.getTranslation(locale, "devices.status.ok", registry.all().size())
                : item.getTranslation(locale, "devices.status.problems", troubled.stream()
                        .map(h -> h.name() + " " + item.getTranslation(locale, "devices.state." + h.state().name()))
                        .collect(Collectors.joining("，"))));
        item.getElement().setAttribute("data-state", troubled.isEmpty() ? "ok" : "trouble");
    }

    @Override
    public int order() {
        return 100;
    }
}

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

    @Override
    public Component create() {
        Span item = new Span();
        item.setId("status-devices");
        item.addClassName("status-item");
        java.util.Locale locale = item.getUI().map(u -> u.getLocale()).orElse(com.vaadin.flow.component.UI.getCurrent().getLocale());
        List<DeviceHealth> troubled = registry.health(locale).stream().filter(h -> h.state() != DeviceState.ONLINE).toList();
        item.setText(troubled.isEmpty() ? item.getTranslation("devices.status.ok", troubled.isEmpty() ? registry.all().size() : 0)
                : item.getTranslation("devices.status.problems", troubled.stream()
                        .map(h -> h.name() + " " + item.getTranslation("devices.state." + h.state().name()))
                        .collect(Collectors.joining("，"))));
        // every counter screen carries the strip, so it carries the scanner bridge too
        item.add(new ScanBridge(router, scanners));
        return item;
    }

    @Override
    public int order() {
        return 100;
    }
}

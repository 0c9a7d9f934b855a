package io.yizhan.station.devices;

import io.yizhan.station.devices.internal.DeviceRegistry;
import io.yizhan.station.devices.internal.InputDevices;
import io.yizhan.station.shared.AuditableAction;
import org.springframework.context.ApplicationEventPublisher;
import io.yizhan.station.shared.Translations;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The station's devices and their health. */
@Service
public class Devices {

    private final DeviceRegistry registry;
    private final InputDevices inputs;
    private final PrintQueue printing;
    private final ApplicationEventPublisher events;

    Devices(DeviceRegistry registry, InputDevices inputs, PrintQueue printing, ApplicationEventPublisher events) {
        this.registry = registry;
        this.inputs = inputs;
        this.printing = printing;
        this.events = events;
    }

    /** Staff pressed "reconnect": a serial device is reopened, a printer is tried at once. */
    public void reconnect(String name) {
        if (!inputs.reconnect(name)) {
            printing.retryNow(name);
        }
        events.publishEvent(new AuditableAction("devices.reconnect", name));
    }

    /** Every device's health, reasons in Simplified Chinese. */
    public List<DeviceHealth> health() {
        return registry.health(Translations.SIMPLIFIED);
    }

    public List<DeviceHealth> health(Locale locale) {
        return registry.health(locale);
    }

    public Optional<DeviceHealth> health(String name) {
        return registry.health(name, Translations.SIMPLIFIED);
    }
}

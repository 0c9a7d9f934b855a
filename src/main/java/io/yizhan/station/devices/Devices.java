package io.yizhan.station.devices;

import io.yizhan.station.devices.internal.DeviceRegistry;
import io.yizhan.station.shared.Translations;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The station's devices and their health. */
@Service
public class Devices {

    private final DeviceRegistry registry;

    Devices(DeviceRegistry registry) {
        this.registry = registry;
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

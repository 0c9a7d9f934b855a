package io.yizhan.station.devices;

import io.yizhan.station.devices.internal.DeviceRegistry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The station's devices and their health. */
@Service
public class Devices {

    private final DeviceRegistry registry;

    Devices(DeviceRegistry registry) {
        this.registry = registry;
    }

    public List<DeviceHealth> health() {
        return registry.health();
    }

    public Optional<DeviceHealth> health(String name) {
        return registry.health(name);
    }
}

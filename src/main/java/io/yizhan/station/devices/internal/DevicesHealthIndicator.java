package io.yizhan.station.devices.internal;

import io.yizhan.station.devices.DeviceHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Devices in {@code /actuator/health}: each device's state and reason as details. Always UP: a
 * printer being off must not make the station look down, it still serves.
 */
@Component
class DevicesHealthIndicator implements HealthIndicator {

    private final DeviceRegistry registry;

    DevicesHealthIndicator(DeviceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (DeviceHealth h : registry.health(io.yizhan.station.shared.Translations.SIMPLIFIED)) {
            details.put(h.name(), Map.of("state", h.state().name(), "detail", h.detail(), "transport", h.transport(),
                    "terminal", h.terminal()));
        }
        return Health.up().withDetails(details).build();
    }
}

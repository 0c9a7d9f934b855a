package io.yizhan.station.devices;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code yizhan.devices.<name>.profile | transport | port | host | tcp-port | spool-dir | terminal}:
 * the station's logical devices (counter-scanner, kiosk-scanner, receipt-printer, label-printer,
 * counter-scale, …), each bound to a driver profile and to the terminal it sits at.
 */
@ConfigurationProperties("yizhan")
public record DevicesProperties(Map<String, Device> devices) {

    public DevicesProperties {
        devices = devices == null ? Map.of() : new LinkedHashMap<>(devices);
    }

    public record Device(@Nullable String profile, @Nullable String transport, @Nullable String port,
                         @Nullable String host, @Nullable Integer tcpPort, @Nullable String spoolDir,
                         @Nullable String terminal) {
    }
}

package io.yizhan.station.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.devices.DeviceState;
import io.yizhan.station.devices.DevicesProperties;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.terminals.TerminalKind;
import io.yizhan.station.terminals.TerminalsProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceRegistryTest {

    static final StationProperties STATION = new StationProperties(
            new StationProperties.Station("t", "t", ZoneId.of("Asia/Shanghai"), ""), true, Path.of("target/test-data"));
    static final TerminalsProperties TERMINALS = new TerminalsProperties(
            Map.of("counter-1", new TerminalsProperties.Entry(TerminalKind.COUNTER, null)));

    private static DeviceRegistry registry(Map<String, DevicesProperties.Device> devices) {
        return new DeviceRegistry(new DevicesProperties(devices), STATION, TERMINALS, Clock.systemUTC(),
                new DriverProfiles(Path.of("device-drivers")));
    }

    private static DevicesProperties.Device device(String profile, String transport) {
        return new DevicesProperties.Device(profile, transport, null, null, null, null, "counter-1");
    }

    @Test
    void everyShippedProfileLoads() {
        assertThat(new DriverProfiles(Path.of("device-drivers")).ids()).contains("generic-serial-scanner",
                "generic-escpos-80mm", "generic-escpos-58mm", "generic-tspl-40x30", "generic-zpl-203dpi-40x30",
                "toledo-continuous", "ascii-line-scale");
    }

    @Test
    void anUnknownProfileStopsStartUpNamingTheDeviceAndTheKnownProfiles() {
        assertThatThrownBy(() -> registry(Map.of("label-printer", device("zebra-9000", "virtual"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("yizhan.devices.label-printer.profile")
                .hasMessageContaining("zebra-9000")
                .hasMessageContaining("generic-zpl-203dpi-40x30");
    }

    @Test
    void missingOrWrongSettingsAreNamed() {
        assertThatThrownBy(() -> registry(Map.of("counter-scanner", device("generic-serial-scanner", "serial"))))
                .hasMessageContaining("yizhan.devices.counter-scanner.port");
        assertThatThrownBy(() -> registry(Map.of("receipt-printer", device("generic-escpos-80mm", "keyboard"))))
                .hasMessageContaining("keyboard works for scanners only");
        assertThatThrownBy(() -> registry(Map.of("receipt-printer", device("generic-escpos-80mm", "tcp"))))
                .hasMessageContaining("yizhan.devices.receipt-printer.host");
        assertThatThrownBy(() -> registry(Map.of("receipt-printer",
                new DevicesProperties.Device("generic-escpos-80mm", "virtual", null, null, null, null, "counter-9"))))
                .hasMessageContaining("counter-9");
    }

    @Test
    void theEmbeddedDefaultNeedsNoHardware() {
        DeviceRegistry registry = registry(Map.of(
                "counter-scanner", device("generic-serial-scanner", "keyboard"),
                "receipt-printer", device("generic-escpos-80mm", "virtual"),
                "label-printer", device("generic-tspl-40x30", "virtual")));
        assertThat(registry.health(java.util.Locale.ENGLISH)).allSatisfy(h -> assertThat(h.state()).isEqualTo(DeviceState.ONLINE));
    }
}

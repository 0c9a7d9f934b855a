package io.yizhan.station.devices.internal;

import io.yizhan.station.devices.DeviceHealth;
import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.DeviceStatusChanged;
import io.yizhan.station.devices.DeviceState;
import io.yizhan.station.devices.DevicesProperties;
import io.yizhan.station.devices.Reason;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.terminals.TerminalsProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The configured devices, checked at start-up (an unknown profile or a missing setting stops the
 * station with a message naming the device and the known profiles), and their live health.
 */
@Component
public class DeviceRegistry {

    static final Set<String> TRANSPORTS = Set.of("serial", "tcp", "virtual", "keyboard");

    private final Map<String, ConfiguredDevice> devices = new LinkedHashMap<>();
    private final Map<String, Status> health = new ConcurrentHashMap<>();

    private record Status(DeviceState state, Reason reason, @Nullable Instant lastEventAt) {
    }
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicLong statusSequence = new java.util.concurrent.atomic.AtomicLong();
    private volatile java.util.function.Consumer<DeviceStatusChanged> statusListener = e -> { };

    @org.springframework.beans.factory.annotation.Autowired
    DeviceRegistry(DevicesProperties properties, StationProperties station, TerminalsProperties terminals, Clock clock,
                   org.springframework.context.ApplicationEventPublisher events) {
        this(properties, station, terminals, clock, new DriverProfiles(Path.of("device-drivers")));
        this.statusListener = events::publishEvent;
    }

    DeviceRegistry(DevicesProperties properties, StationProperties station, TerminalsProperties terminals, Clock clock,
                   DriverProfiles profiles) {
        this.clock = clock;
        List<String> problems = new ArrayList<>();
        Set<String> terminalIds = terminals.terminals().keySet();
        properties.devices().forEach((name, d) -> {
            String where = "yizhan.devices." + name;
            DriverProfile profile = d.profile() == null ? null : profiles.find(d.profile()).orElse(null);
            if (profile == null) {
                problems.add(where + ".profile: " + (d.profile() == null ? "missing" : "unknown profile '" + d.profile() + "'")
                        + "; known profiles: " + String.join(", ", profiles.ids()));
                return;
            }
            String transport = d.transport() == null ? "" : d.transport();
            if (!TRANSPORTS.contains(transport)) {
                problems.add(where + ".transport: '" + transport + "' — use serial, tcp, virtual or keyboard");
                return;
            }
            if (transport.equals("keyboard") && profile.kind() != DeviceKind.SCANNER) {
                problems.add(where + ".transport: keyboard works for scanners only");
                return;
            }
            if (transport.equals("serial") && blank(d.port())) {
                problems.add(where + ".port: a serial device needs its port, e.g. /dev/ttyUSB0");
                return;
            }
            if (transport.equals("tcp") && (blank(d.host()) || !profile.kind().printer())) {
                problems.add(where + (profile.kind().printer() ? ".host: a TCP printer needs its host" : ".transport: tcp is for printers"));
                return;
            }
            if (d.terminal() == null || !terminalIds.contains(d.terminal())) {
                problems.add(where + ".terminal: '" + d.terminal() + "' is not one of the terminals " + terminalIds);
                return;
            }
            PrinterLink link = null;
            if (profile.kind().printer()) {
                link = switch (transport) {
                    case "tcp" -> new TcpPrinterLink(d.host(), d.tcpPort() == null ? 9100 : d.tcpPort(),
                            "dle-eot".equals(profile.text("status-query", "")));
                    case "virtual" -> new VirtualPrinterLink(d.spoolDir() != null ? Path.of(d.spoolDir())
                            : station.dataDir().resolve("spool").resolve(name));
                    case "serial" -> new SerialPrinterLink(d.port(), SerialSettings.of(profile));
                    default -> null;
                };
            }
            devices.put(name, new ConfiguredDevice(name, profile, transport, d.terminal(), link, d.port()));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Device configuration problems:\n  " + String.join("\n  ", problems));
        }
        devices.values().forEach(d -> set(d.name(), initialState(d), initialDetail(d), null));
    }

    private static DeviceState initialState(ConfiguredDevice d) {
        return switch (d.transport()) {
            case "virtual", "keyboard" -> DeviceState.ONLINE;
            default -> DeviceState.RECONNECTING;
        };
    }

    private static Reason initialDetail(ConfiguredDevice d) {
        return switch (d.transport()) {
            case "keyboard" -> Reason.of("devices.detail.keyboard", d.terminal());
            case "virtual" -> d.link() != null ? d.link().describe() : Reason.of("devices.detail.virtual-scale");
            default -> Reason.of("devices.detail.connecting");
        };
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    public List<ConfiguredDevice> all() {
        return List.copyOf(devices.values());
    }

    /** The device of this kind at the terminal, or else the station's first of that kind. */
    public Optional<ConfiguredDevice> nearest(String terminal, io.yizhan.station.devices.DeviceKind kind) {
        return devices.values().stream().filter(d -> d.kind() == kind)
                .sorted(java.util.Comparator.comparing((ConfiguredDevice d) -> !d.terminal().equals(terminal))).findFirst();
    }

    public Optional<ConfiguredDevice> find(String name) {
        return Optional.ofNullable(devices.get(name));
    }

    /** Every device's health, its reason in the given language. */
    public List<DeviceHealth> health(Locale locale) {
        return devices.keySet().stream().map(n -> health(n, locale).orElseThrow()).toList();
    }

    public Optional<DeviceHealth> health(String name, Locale locale) {
        ConfiguredDevice d = devices.get(name);
        Status s = health.get(name);
        if (d == null || s == null) {
            return Optional.empty();
        }
        return Optional.of(new DeviceHealth(name, d.kind().id(), d.profile().id(), d.transport(), d.terminal(),
                s.state(), s.reason().render(locale), s.lastEventAt()));
    }

    /** Records a device's state; {@code lastEventAt} moves only when the device did something. */
    public void set(String name, DeviceState state, Reason reason, @Nullable Instant event) {
        if (!devices.containsKey(name)) {
            return;
        }
        Status previous = health.get(name);
        Instant last = event != null ? event : previous == null ? null : previous.lastEventAt();
        health.put(name, new Status(state, reason, last));
        if (previous != null && previous.state() != state) {
            statusListener.accept(new DeviceStatusChanged(name, previous.state(), state, statusSequence.incrementAndGet(), clock.instant()));
        }
    }

    public void event(String name) {
        Status s = health.get(name);
        if (s != null) {
            set(name, s.state(), s.reason(), clock.instant());
        }
    }
}

package io.yizhan.station.devices;

import io.yizhan.station.devices.internal.ConfiguredDevice;
import io.yizhan.station.devices.internal.DeviceRegistry;
import io.yizhan.station.shared.UuidV7;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Turns codes read by scanners into {@link ScanReceived} events: serial scanners through their
 * framing, keyboard-mode scanners through the browser at their terminal. The same code again from
 * the same scanner within the profile's {@code dedupe-millis} is one scan.
 */
@Service
public class Scanners {

    private final DeviceRegistry registry;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final Map<String, Last> last = new ConcurrentHashMap<>();

    private record Last(String code, Instant at) {
    }

    Scanners(DeviceRegistry registry, ApplicationEventPublisher events, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    /** A code typed by a keyboard-mode scanner into the browser of this terminal. */
    public Optional<ScanReceived> fromKeyboard(String terminal, String code) {
        return registry.all().stream()
                .filter(d -> d.kind() == DeviceKind.SCANNER && d.transport().equals("keyboard") && d.terminal().equals(terminal))
                .findFirst()
                .flatMap(d -> accept(d.name(), code));
    }

    /** A code read by a scanner; empty when it repeats the last one within the dedupe window. */
    public Optional<ScanReceived> accept(String device, String code) {
        ConfiguredDevice scanner = registry.find(device).orElseThrow();
        Instant now = clock.instant();
        Duration window = Duration.ofMillis(scanner.profile().number("dedupe-millis", 800));
        Last previous = last.put(device, new Last(code, now));
        if (previous != null && previous.code().equals(code) && Duration.between(previous.at(), now).compareTo(window) < 0) {
            return Optional.empty();
        }
        long sequence = sequences.computeIfAbsent(device, d -> new AtomicLong()).incrementAndGet();
        ScanReceived scan = new ScanReceived(UuidV7.next(clock), device, scanner.terminal(), code,
                ScanReceived.symbologyOf(code), sequence, now);
        registry.event(device);
        events.publishEvent(scan);
        return Optional.of(scan);
    }
}

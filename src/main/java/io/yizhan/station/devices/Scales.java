package io.yizhan.station.devices;

import io.yizhan.station.devices.internal.ConfiguredDevice;
import io.yizhan.station.devices.internal.DeviceRegistry;
import io.yizhan.station.shared.RefusedException;
import io.yizhan.station.shared.StationProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Scale readings. A weight is stable when the scale reports no motion and the readings have stayed
 * within the profile's {@code stable-grams} for {@code stable-millis}. A virtual scale (demo mode)
 * is set by staff.
 */
@Service
public class Scales {

    private final DeviceRegistry registry;
    private final Clock clock;
    private final boolean demo;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private static final class State {
        private Weight latest;
        private Instant steadySince;
        private long steadyGrams;
    }

    Scales(DeviceRegistry registry, Clock clock, StationProperties station) {
        this.registry = registry;
        this.clock = clock;
        this.demo = station.demo();
    }

    /** A reading arrived from the scale. */
    public void reading(String device, long grams, boolean net, boolean moving) {
        ConfiguredDevice scale = scale(device);
        Instant now = clock.instant();
        long tolerance = scale.profile().number("stable-grams", 2);
        State s = states.computeIfAbsent(device, d -> new State());
        synchronized (s) {
            if (moving || s.steadySince == null || Math.abs(grams - s.steadyGrams) > tolerance) {
                s.steadySince = moving ? null : now;
                s.steadyGrams = grams;
            }
            s.latest = new Weight(grams, net, moving, now);
            s.notifyAll();
        }
        registry.event(device);
    }

    public Optional<Weight> current(String device) {
        State s = states.get(device);
        return s == null ? Optional.empty() : Optional.ofNullable(s.latest);
    }

    /** The stable weight now, if the load has settled. */
    public Optional<Weight> stable(String device) {
        ConfiguredDevice scale = scale(device);
        State s = states.get(device);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            Duration settle = Duration.ofMillis(scale.profile().number("stable-millis", 600));
            if (s.latest == null || s.steadySince == null || s.latest.moving()
                    || Duration.between(s.steadySince, clock.instant()).compareTo(settle) < 0) {
                return Optional.empty();
            }
            return Optional.of(new Weight(s.steadyGrams, s.latest.net(), false, s.latest.at()));
        }
    }

    /** Waits for the load to settle; empty when it does not within {@code timeout}. */
    public Optional<Weight> waitForStable(String device, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        State s = states.computeIfAbsent(device, d -> new State());
        while (true) {
            Optional<Weight> w = stable(device);
            if (w.isPresent()) {
                return w;
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return Optional.empty();
            }
            synchronized (s) {
                s.wait(Math.min(left, 100));
            }
        }
    }

    /** The scale at this terminal (or, when it has none, the station's first scale). */
    public Optional<String> scaleAt(String terminal) {
        return registry.nearest(terminal, DeviceKind.SCALE).map(ConfiguredDevice::name);
    }

    /** Demo mode: staff put a weight on the virtual scale. */
    public void setVirtual(String device, long grams) {
        ConfiguredDevice scale = scale(device);
        if (!demo || !scale.transport().equals("virtual")) {
            throw new RefusedException("devices.error.not-virtual-scale");
        }
        State s = states.computeIfAbsent(device, d -> new State());
        synchronized (s) {
            Instant settled = clock.instant().minus(Duration.ofMillis(scale.profile().number("stable-millis", 600)));
            s.steadySince = settled;
            s.steadyGrams = grams;
            s.latest = new Weight(grams, false, false, clock.instant());
            s.notifyAll();
        }
        registry.event(device);
    }

    private ConfiguredDevice scale(String device) {
        return registry.find(device).filter(d -> d.kind() == DeviceKind.SCALE)
                .orElseThrow(() -> new RefusedException("devices.error.no-scale"));
    }
}

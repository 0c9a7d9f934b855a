package io.yizhan.station.devices.internal;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.Scales;
import io.yizhan.station.devices.Scanners;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Starts a reader for every serial scanner and scale, and stops them with the station. */
@Component
public class InputDevices implements SmartLifecycle {

    private final DeviceRegistry registry;
    private final Scanners scanners;
    private final Scales scales;
    private final java.util.Map<String, SerialReader> readers = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running;

    InputDevices(DeviceRegistry registry, Scanners scanners, Scales scales) {
        this.registry = registry;
        this.scanners = scanners;
        this.scales = scales;
    }

    @Override
    public void start() {
        for (ConfiguredDevice d : registry.all()) {
            if (!d.transport().equals("serial") || d.kind().printer()) {
                continue;
            }
            SerialSettings settings = SerialSettings.of(d.profile());
            SerialReader reader;
            if (d.kind() == DeviceKind.SCANNER) {
                ScanFramer framer = new ScanFramer(d.profile().text("prefix", ""), d.profile().text("suffix", "\r"),
                        d.profile().number("max-length", 64));
                reader = new SerialReader(d.name(), d.port(), settings, registry,
                        (bytes, n) -> framer.feed(bytes, n).forEach(code -> scanners.accept(d.name(), code)));
            } else {
                WeightDecoder decoder = WeightDecoder.forProfile(d.profile());
                reader = new SerialReader(d.name(), d.port(), settings, registry,
                        (bytes, n) -> decoder.feed(bytes, n).forEach(r -> scales.reading(d.name(), r.grams(), r.net(), r.moving())));
            }
            readers.put(d.name(), reader);
            reader.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        readers.values().forEach(SerialReader::stop);
        readers.clear();
        running = false;
    }

    /** Reopens a serial input device now; false when it is not one. */
    public boolean reconnect(String device) {
        SerialReader reader = readers.get(device);
        if (reader == null) {
            return false;
        }
        reader.kick();
        return true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package io.yizhan.station.devices.internal;

import com.fazecast.jSerialComm.SerialPort;
import io.yizhan.station.devices.DeviceState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one serial input device (scanner, scale) read: opens it, hands every chunk of bytes to the
 * decoder, notices when it disappears (read error, or its device file gone) and reopens it with a
 * back-off capped at {@link #LONGEST_WAIT}, without a restart. No jSerialComm event listener is
 * used: its disconnect event fires in a tight loop until removed.
 */
final class SerialReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SerialReader.class);
    static final Duration FIRST_WAIT = Duration.ofMillis(200);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    private final String device;
    private final String path;
    private final SerialSettings settings;
    private final DeviceRegistry registry;
    private final BiConsumer<byte[], Integer> sink;
    private volatile boolean running = true;
    private volatile boolean kicked;
    private volatile Thread thread;

    SerialReader(String device, String path, SerialSettings settings, DeviceRegistry registry, BiConsumer<byte[], Integer> sink) {
        this.device = device;
        this.path = path;
        this.settings = settings;
        this.registry = registry;
        this.sink = sink;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("serial-" + device).start(this);
    }

    /** Closes the port now and opens it again at once (staff pressed "reconnect"). */
    void kick() {
        kicked = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public void run() {
        Duration wait = FIRST_WAIT;
        byte[] buffer = new byte[256];
        while (running) {
            SerialPort port = Files.exists(Path.of(path)) ? settings.open(path) : null;
            if (port == null) {
                registry.set(device, DeviceState.OFFLINE, io.yizhan.station.devices.Reason.of("devices.detail.serial-missing", path), null);
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                continue;
            }
            wait = FIRST_WAIT;
            registry.set(device, DeviceState.ONLINE, io.yizhan.station.devices.Reason.of("devices.detail.serial", path, settings.describe()), null);
            try {
                while (running) {
                    int n = port.readBytes(buffer, buffer.length);
                    if (n < 0 || kicked || !Files.exists(Path.of(path))) {
                        break;
                    }
                    if (n > 0) {
                        try {
                            sink.accept(buffer, n);
                        } catch (RuntimeException e) {
                            log.warn("Device {}: bad input dropped ({})", device, e.getMessage());
                        }
                    }
                }
            } finally {
                port.closePort();
                kicked = false;
                Thread.interrupted(); // a kick's interrupt is spent
            }
            if (running) {
                registry.set(device, DeviceState.RECONNECTING, io.yizhan.station.devices.Reason.of("devices.detail.serial-lost", path), null);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.yizhan.station.support;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A pair of linked pseudo-terminals made by {@code socat}: the station opens {@code device}, the
 * test writes into {@code simulator} as the hardware would. Closing it unplugs the device.
 */
public final class PtyPair implements AutoCloseable {

    private final Path device;
    private final Path simulator;
    private final Process socat;
    private OutputStream out;

    public PtyPair(Path device) throws Exception {
        RequiredTool.require("socat", "socat");
        this.device = device.toAbsolutePath();
        this.simulator = Path.of(this.device + "-sim");
        Files.createDirectories(this.device.getParent());
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + this.device, "pty,raw,echo=0,link=" + simulator)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!(Files.exists(this.device) && Files.exists(simulator))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("socat made no pty pair at " + this.device);
            }
            Thread.sleep(20);
        }
    }

    public void write(byte[] bytes) throws IOException {
        if (out == null) {
            out = new FileOutputStream(simulator.toFile());
        }
        out.write(bytes);
        out.flush();
    }

    /** What the station sends to the device, collected in the background from now on. */
    public final class Capture {
        private final java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        private final java.util.concurrent.atomic.AtomicLong lastByte = new java.util.concurrent.atomic.AtomicLong();

        private Capture() {
            Thread.ofPlatform().daemon().start(() -> {
                try (var in = new java.io.FileInputStream(simulator.toFile())) {
                    byte[] buffer = new byte[4096];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        synchronized (got) {
                            got.write(buffer, 0, n);
                        }
                        lastByte.set(System.nanoTime());
                    }
                } catch (IOException gone) {
                    // unplugged
                }
            });
        }

        /** Waits until something came and then nothing more for {@code quiet}; returns all of it. */
        public byte[] untilQuiet(Duration quiet, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(50);
                long last = lastByte.get();
                if (last != 0 && System.nanoTime() - last > quiet.toNanos()) {
                    break;
                }
            }
            synchronized (got) {
                return got.toByteArray();
            }
        }
    }

    /** Starts collecting what the station sends; open it before the station can send. */
    public Capture capture() throws InterruptedException {
        Capture capture = new Capture();
        Thread.sleep(100); // the reader has the simulator end open
        return capture;
    }

    public Path device() {
        return device;
    }

    /** Unplugs: socat goes, and both ends of the pair with it. */
    @Override
    public void close() throws Exception {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }
}

package io.yizhan.station.devices.internal;

import com.fazecast.jSerialComm.SerialPort;
import io.yizhan.station.devices.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A printer on a serial port, kept open between jobs as a POS driver would; an unplugged printer
 * makes the write (or the probe) fail, the port is let go, and the next attempt opens a fresh one.
 */
final class SerialPrinterLink implements PrinterLink {

    private final String path;
    private final SerialSettings settings;
    private @Nullable SerialPort port;

    SerialPrinterLink(String path, SerialSettings settings) {
        this.path = path;
        this.settings = settings;
    }

    @Override
    public synchronized void send(UUID jobId, byte[] payload) throws IOException {
        SerialPort open = openOrFail();
        try {
            int written = 0;
            while (written < payload.length) {
                int n = open.writeBytes(payload, payload.length - written, written);
                if (n <= 0) {
                    throw new IOException("write to " + path + " failed");
                }
                written += n;
            }
            // let the line carry it out before reporting the job printed
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (open.bytesAwaitingWrite() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (IOException e) {
            letGo();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while printing", e);
        }
    }

    @Override
    public synchronized void probe() throws IOException {
        openOrFail();
    }

    private SerialPort openOrFail() throws IOException {
        if (!Files.exists(Path.of(path))) {
            letGo();
            throw new IOException(path + " is not there (unplugged?)");
        }
        if (port != null && port.isOpen()) {
            return port;
        }
        letGo();
        SerialPort fresh = settings.open(path);
        if (fresh == null) {
            throw new IOException("cannot open " + path);
        }
        port = fresh;
        return fresh;
    }

    private void letGo() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    @Override
    public Reason describe() {
        return Reason.of("devices.detail.serial", path, settings.describe());
    }
}

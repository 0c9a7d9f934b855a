package io.yizhan.station.devices.internal;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** A printer on a serial port: opened for each job, so an unplugged printer simply fails until it returns. */
final class SerialPrinterLink implements PrinterLink {

    private final String path;
    private final SerialSettings settings;

    SerialPrinterLink(String path, SerialSettings settings) {
        this.path = path;
        this.settings = settings;
    }

    @Override
    public void send(UUID jobId, byte[] payload, byte[] preview) throws IOException {
        SerialPort port = openOrFail();
        try {
            int written = 0;
            while (written < payload.length) {
                int n = port.writeBytes(payload, payload.length - written, written);
                if (n <= 0) {
                    throw new IOException("write to " + path + " failed");
                }
                written += n;
            }
            // let the line carry it out before closing (flushIOBuffers would discard it)
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (port.bytesAwaitingWrite() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while printing", e);
                }
            }
        } finally {
            port.closePort();
        }
    }

    @Override
    public void probe() throws IOException {
        openOrFail().closePort();
    }

    private SerialPort openOrFail() throws IOException {
        if (!Files.exists(Path.of(path))) {
            throw new IOException(path + " is not there (unplugged?)");
        }
        SerialPort port = settings.open(path);
        if (port == null) {
            throw new IOException("cannot open " + path);
        }
        return port;
    }

    @Override
    public io.yizhan.station.devices.Reason describe() {
        return io.yizhan.station.devices.Reason.of("devices.detail.serial", path, settings.describe());
    }
}

package io.yizhan.station.devices.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A printer that is a folder: each job's raw bytes are spooled there ({@code <job>.bin}). What the
 * paper looks like is the job's PNG preview, rendered when someone asks (Devices screen, print-jobs API).
 */
final class VirtualPrinterLink implements PrinterLink {

    private final Path dir;

    VirtualPrinterLink(Path dir) {
        this.dir = dir;
    }

    @Override
    public void send(UUID jobId, byte[] payload) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve(jobId + ".bin"), payload);
    }

    private static void write(Path target, byte[] data) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, data);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public boolean keepsCopies() {
        return true;
    }

    @Override
    public void probe() throws IOException {
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new IOException("spool folder " + dir + " is not writable");
        }
    }

    @Override
    public io.yizhan.station.devices.Reason describe() {
        return io.yizhan.station.devices.Reason.of("devices.detail.virtual-printer", dir);
    }
}

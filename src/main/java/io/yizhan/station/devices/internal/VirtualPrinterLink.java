package io.yizhan.station.devices.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** A printer that is a folder: each job's raw bytes and its PNG rendering are spooled there. */
final class VirtualPrinterLink implements PrinterLink {

    private final Path dir;

    VirtualPrinterLink(Path dir) {
        this.dir = dir;
    }

    @Override
    public boolean printsPreview() {
        return true;
    }

    @Override
    public void send(UUID jobId, byte[] payload, byte[] preview) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve(jobId + ".bin"), payload);
        write(dir.resolve(jobId + ".png"), preview);
    }

    private static void write(Path target, byte[] data) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, data);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

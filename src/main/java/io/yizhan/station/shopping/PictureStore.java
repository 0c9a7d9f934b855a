package io.yizhan.station.shopping;

import io.yizhan.station.shared.Digests;
import io.yizhan.station.shared.StationProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Catalog pictures on the station's disk, {@code <data-dir>/pictures/<sha256>.png}: a file is named
 * by its content, so products that share a picture share one file, and a file is written whole
 * (to a temporary name, then moved) only when its content matches its name.
 */
@Component
public class PictureStore {

    private final Path dir;

    PictureStore(StationProperties station) {
        this.dir = station.dataDir().resolve("pictures");
    }

    public Optional<Path> file(String hash) {
        return hash.matches("[0-9a-f]{64}") ? Optional.of(dir.resolve(hash + ".png")) : Optional.empty();
    }

    public boolean has(String hash) {
        return file(hash).map(Files::isRegularFile).orElse(false);
    }

    /** Keeps the picture if its content has this hash; false (nothing kept) when it does not. */
    public boolean keep(String hash, byte[] png) throws IOException {
        Optional<Path> target = file(hash);
        if (target.isEmpty() || !Digests.sha256Hex(png).equals(hash)) {
            return false;
        }
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, hash, ".part");
        Files.write(part, png);
        Files.move(part, target.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}

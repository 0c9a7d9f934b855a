package io.yizhan.station.operations;

import io.yizhan.station.shared.StationEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;

/**
 * {@code java -jar target/yizhan.jar restore <backup.zip> [--yizhan.data-dir=./data]}: puts a nightly
 * backup back in place of the station database. The station must be stopped; the current database
 * file is kept beside it as {@code yizhan.mv.db.before-restore-<time>}.
 */
public final class DatabaseRestore {

    private DatabaseRestore() {
    }

    public static int run(String[] args) throws Exception {
        String zip = Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse(null);
        String dataDir = Arrays.stream(args).filter(a -> a.startsWith("--yizhan.data-dir="))
                .map(a -> a.substring("--yizhan.data-dir=".length())).findFirst().orElse("./data");
        if (zip == null || !Files.isRegularFile(Path.of(zip))) {
            System.err.println("Usage: java -jar yizhan.jar restore <data-dir>/backups/<file>.zip [--yizhan.data-dir=./data]");
            return 2;
        }
        String name = Path.of(zip).getFileName().toString();
        boolean demo = name.startsWith("demo-station-");
        if (!demo && !name.startsWith("station-")) {
            System.err.println("Not a station backup: " + name + " (expected station-…zip or demo-station-…zip)");
            return 2;
        }
        String url = StationEnvironment.h2Url(dataDir, demo);
        Path folder = Path.of(dataDir, demo ? "demo-station" : "station");
        if (Files.exists(folder.resolve("yizhan.lock.db"))) {
            System.err.println("The station seems to be running (" + folder.resolve("yizhan.lock.db")
                    + " exists). Stop it first, then restore.");
            return 1;
        }
        Files.createDirectories(folder);
        Path current = folder.resolve("yizhan.mv.db");
        if (Files.exists(current)) {
            Path kept = folder.resolve("yizhan.mv.db.before-restore-" + Instant.now().toString().replace(':', '-'));
            Files.move(current, kept, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("Current database kept as " + kept);
        }
        org.h2.tools.Restore.execute(zip, folder.toString(), "yizhan");
        System.out.println("Restored " + name + " into " + folder + " (" + url.substring(0, url.indexOf(';')) + ")");
        return 0;
    }
}

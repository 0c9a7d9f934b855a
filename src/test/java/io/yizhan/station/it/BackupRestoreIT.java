package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.shared.StationEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scheduled backup writes zips and keeps only the newest; the restore command puts one back. */
class BackupRestoreIT {

    @Test
    void scheduledBackupsAreKeptToTheLimitAndRestoreBringsTheDatabaseBack() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "backup-").toAbsolutePath();
        Path backups = work.resolve("data/backups");
        try (StationProcess station = new StationProcess(work, "--yizhan.backup.cron=*/2 * * * * *",
                "--yizhan.backup.keep=2").start()) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline) && backupsIn(backups).size() < 2) {
                Thread.sleep(500);
            }
            Thread.sleep(5000); // several more backups: retention must keep two
            assertThat(backupsIn(backups)).hasSize(2).allSatisfy(p -> assertThat(p.getFileName().toString()).matches("demo-station-\\d{8}T\\d{6}Z\\.zip"));
        }
        Path zip = backupsIn(backups).getFirst();

        Process running = new ProcessBuilder(StationProcess.java(), "-jar", StationProcess.jar().toString(), "restore",
                zip.toString(), "--yizhan.data-dir=" + work.resolve("data")).directory(work.toFile())
                .redirectErrorStream(true).start();
        String output = new String(running.getInputStream().readAllBytes());
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).as(output).isZero();
        assertThat(output).contains("Restored");
        try (Stream<Path> kept = Files.list(work.resolve("data/demo-station"))) {
            assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("yizhan.mv.db.before-restore-"));
        }
        try (Connection db = DriverManager.getConnection(StationEnvironment.h2Url(work.resolve("data").toString(), true), "sa", "");
             ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM staff_account")) {
            rs.next();
            assertThat(rs.getInt(1)).as("demo accounts restored").isEqualTo(3);
        }
    }

    private static List<Path> backupsIn(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
    }
}

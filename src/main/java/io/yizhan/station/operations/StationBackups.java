package io.yizhan.station.operations;

import io.yizhan.station.shared.AuditableAction;
import io.yizhan.station.shared.StationProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nightly online backup of the embedded H2 database into {@code <data-dir>/backups}, keeping the
 * newest {@code yizhan.backup.keep} (default 14). Files are named {@code <database>-<UTC time>.zip},
 * e.g. {@code station-20261122T183000Z.zip}; {@code java -jar yizhan.jar restore <file>} puts one back.
 * On PostgreSQL the database server's own tools back up instead.
 */
@Service
public class StationBackups {

    private static final Logger log = LoggerFactory.getLogger(StationBackups.class);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path directory;
    private final String database;
    private final int keep;
    private final boolean h2;
    private final ApplicationEventPublisher events;

    StationBackups(JdbcClient jdbc, Clock clock, StationProperties station, DataSource dataSource,
                   @Value("${yizhan.backup.keep:14}") int keep, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = station.dataDir().resolve("backups");
        this.database = station.demo() ? "demo-station" : "station";
        this.keep = Math.max(1, keep);
        this.h2 = isH2(dataSource);
        this.events = events;
    }

    private static boolean isH2(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        } catch (Exception e) {
            return false;
        }
    }

    public boolean supported() {
        return h2;
    }

    @Scheduled(cron = "${yizhan.backup.cron:0 30 2 * * *}", zone = "${yizhan.station.zone:Asia/Shanghai}")
    void nightly() {
        if (h2) {
            try {
                Backup backup = backupNow();
                log.info("Nightly backup written: {} ({} bytes)", backup.file().getFileName(), backup.bytes());
            } catch (RuntimeException e) {
                log.error("Nightly backup failed: {}", e.getMessage());
            }
        }
    }

    /** A manager asked for a backup now. */
    @Transactional
    public Backup backupByHand() {
        Backup backup = backupNow();
        events.publishEvent(new AuditableAction("backup.now", backup.file().getFileName().toString()));
        return backup;
    }

    Backup backupNow() {
        if (!h2) {
            throw new IllegalStateException("Backups by the station cover the embedded H2 database only");
        }
        try {
            Files.createDirectories(directory);
            Instant now = clock.instant();
            Path file = directory.resolve(database + "-" + STAMP.format(now) + ".zip").toAbsolutePath();
            jdbc.sql("BACKUP TO '" + file.toString().replace("'", "''") + "'").update();
            prune();
            return new Backup(file, now, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(this::parse).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(Backup::takenAt).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Backup> latest() {
        return list().stream().findFirst();
    }

    private void prune() throws IOException {
        List<Backup> all = list();
        for (Backup old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old.file());
        }
    }

    private Optional<Backup> parse(Path file) {
        String name = file.getFileName().toString();
        String prefix = database + "-";
        if (!name.startsWith(prefix) || !name.endsWith(".zip")) {
            return Optional.empty();
        }
        try {
            Instant at = STAMP.parse(name.substring(prefix.length(), name.length() - 4), Instant::from);
            return Optional.of(new Backup(file, at, Files.size(file)));
        } catch (RuntimeException | IOException e) {
            return Optional.empty();
        }
    }
}

package io.yizhan.station.operations;

import java.nio.file.Path;
import java.time.Instant;

/** One backup file under {@code <data-dir>/backups}. */
public record Backup(Path file, Instant takenAt, long bytes) {
}

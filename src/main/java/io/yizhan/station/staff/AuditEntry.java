package io.yizhan.station.staff;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit log: who did what, when, at which terminal. Personal numbers are masked. */
public record AuditEntry(UUID id, Instant at, String actor, String terminal, String action, String subject) {
}

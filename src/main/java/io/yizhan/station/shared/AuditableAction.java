package io.yizhan.station.shared;

/**
 * A privileged action some module just performed, published in the transaction that made it.
 * The staff module's audit log records it with who did it, when and at which terminal; personal
 * numbers in {@code subject} are masked before they are stored.
 *
 * @param action a stable key such as {@code terminal.pair}, also a translation key suffix
 * @param subject what it was done to, e.g. a terminal id or a username
 */
public record AuditableAction(String action, String subject) {
}

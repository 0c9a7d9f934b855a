package io.yizhan.station.terminals;

import java.time.Instant;
import java.util.UUID;

/** A browser became a terminal. Published in the transaction that paired it. */
public record TerminalPaired(UUID eventId, TerminalId terminal, String pairedBy, Instant at) {
}

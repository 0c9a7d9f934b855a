package io.yizhan.station.terminals;

/** One place in the station where a browser works: a kiosk or a counter. */
public record Terminal(TerminalId id, TerminalKind kind) {
}

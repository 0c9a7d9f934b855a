package io.yizhan.station.terminals;

/** What stands at a terminal: the residents' touch kiosk or a staff counter. */
public enum TerminalKind {
    KIOSK, COUNTER
}

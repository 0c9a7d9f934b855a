package io.yizhan.station.terminals;

/**
 * What stands at a terminal: the residents' touch kiosk, a staff counter, or a customer-facing
 * display (a second monitor or a tablet by one counter) where a resident reads and confirms an order.
 */
public enum TerminalKind {
    KIOSK, COUNTER, DISPLAY
}

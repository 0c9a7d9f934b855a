/**
 * Terminals: the station's kiosk and counter places listed in {@code station.yml}, and the browsers
 * paired to them through a long-lived cookie. Public API: {@link io.yizhan.station.terminals.Terminals}
 * and {@link io.yizhan.station.terminals.CurrentTerminal}.
 */
@NullMarked
package io.yizhan.station.terminals;

import org.jspecify.annotations.NullMarked;

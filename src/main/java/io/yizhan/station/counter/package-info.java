/**
 * The counter shell for staff: app layout with a side menu built from {@code @Menu} routes (shown
 * only to roles that may open them), a status strip that modules extend with
 * {@link io.yizhan.station.counter.StatusStripItem} beans, the pushed "call staff" alert,
 * terminal pairing, the audit log and staff accounts.
 */
@NullMarked
package io.yizhan.station.counter;

import org.jspecify.annotations.NullMarked;

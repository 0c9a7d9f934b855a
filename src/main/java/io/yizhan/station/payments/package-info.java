/**
 * Payments: cash taken at the counter, each with a receipt on the terminal's receipt printer.
 * QR payments through a gateway, refunds, limits, fees and reconciliation come later.
 */
@NullMarked
package io.yizhan.station.payments;

import org.jspecify.annotations.NullMarked;

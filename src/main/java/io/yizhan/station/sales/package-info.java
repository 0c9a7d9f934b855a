/**
 * Counter sales (收银): lines from barcodes, the scale and variable-measure labels, paid through
 * payments, stock deducted in the sale's transaction; returns by the receipt's QR. Public API:
 * {@link io.yizhan.station.sales.Sales}, its records and events.
 */
@NullMarked
package io.yizhan.station.sales;

import org.jspecify.annotations.NullMarked;

/**
 * Devices: barcode scanners, receipt and label printers and scales, bound by configuration to
 * driver profiles in {@code device-drivers/}; documents laid out once and encoded for ESC/POS, TSPL
 * or ZPL and always rendered to PNG; a persistent print queue; device health.
 */
@NullMarked
package io.yizhan.station.devices;

import org.jspecify.annotations.NullMarked;

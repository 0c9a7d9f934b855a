package io.yizhan.station.devices;

/**
 * A screen that takes scans (check-in, pickup …). While it is the current screen of a terminal,
 * every scan from that terminal's scanner, serial or keyboard-mode, comes here; screens that do not
 * implement it show a notice instead, so no scan is silently lost.
 */
public interface ScanConsumer {

    void onScan(ScanReceived scan);
}

package io.yizhan.station.devices;

import java.util.Locale;

/** What a logical device is, as written in a driver profile ({@code kind: receipt-printer}). */
public enum DeviceKind {
    SCANNER, RECEIPT_PRINTER, LABEL_PRINTER, SCALE;

    public static DeviceKind of(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean printer() {
        return this == RECEIPT_PRINTER || this == LABEL_PRINTER;
    }
}

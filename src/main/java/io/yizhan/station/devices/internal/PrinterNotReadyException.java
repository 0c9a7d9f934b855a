package io.yizhan.station.devices.internal;

import java.io.IOException;

/** The printer answered but cannot print now (out of paper, cover open): its device is in ERROR. */
public class PrinterNotReadyException extends IOException {

    private final String reasonKey;

    public PrinterNotReadyException(String reasonKey) {
        super(reasonKey);
        this.reasonKey = reasonKey;
    }

    public String reasonKey() {
        return reasonKey;
    }
}

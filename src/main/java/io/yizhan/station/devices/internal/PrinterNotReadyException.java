package io.yizhan.station.devices.internal;

import java.io.IOException;

/** The printer answered but cannot print now (out of paper, cover open): its device is in ERROR. */
public class PrinterNotReadyException extends IOException {

    public PrinterNotReadyException(String reason) {
        super(reason);
    }
}

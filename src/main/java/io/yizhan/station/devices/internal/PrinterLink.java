package io.yizhan.station.devices.internal;

import java.io.IOException;
import java.util.UUID;

/** How bytes reach one printer. */
public interface PrinterLink {

    /** Sends one job; throws when the printer cannot take it now (off, unplugged, out of paper, cover open). */
    void send(UUID jobId, byte[] payload) throws IOException;

    /** Checks the printer is there and ready; throws with the reason when it is not. */
    void probe() throws IOException;

    /** True when the link keeps a copy of what it prints (a virtual printer's spool folder): never for a document that must leave no trace. */
    default boolean keepsCopies() {
        return false;
    }

    /** Where it is, for staff: the spool folder, "192.168.1.50:9100", the serial port. */
    io.yizhan.station.devices.Reason describe();
}

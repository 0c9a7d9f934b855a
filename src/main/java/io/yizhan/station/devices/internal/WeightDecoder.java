package io.yizhan.station.devices.internal;

import java.util.List;

/** Turns a scale's byte stream into readings; bad frames are counted and dropped. */
public interface WeightDecoder {

    /** grams, net?, moving? */
    record Reading(long grams, boolean net, boolean moving) {
    }

    List<Reading> feed(byte[] data, int length);

    long dropped();

    static WeightDecoder forProfile(DriverProfile profile) {
        return switch (profile.protocol()) {
            case "toledo-continuous" -> new ToledoDecoder(!"false".equals(profile.text("checksum", "true")));
            case "ascii-line" -> new AsciiLineDecoder(profile.text("pattern", ""), profile.text("suffix", "\r\n"));
            default -> throw new IllegalStateException("profile " + profile.id() + " is not a scale");
        };
    }
}

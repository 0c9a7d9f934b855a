package io.yizhan.station.parcels;

import io.yizhan.station.shared.RefusedException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A parcel operation refused: {@link #code()} is stable for programs (DUPLICATE_WAYBILL,
 * STATION_FULL, BAD_WAYBILL, BAD_PHONE, ALREADY_OUT, NOT_FOUND), the message key says why to people.
 */
public class ParcelRefused extends RefusedException {

    private final String code;
    private final @Nullable Instant at;

    public ParcelRefused(String code, String messageKey) {
        this(code, messageKey, null);
    }

    /** Refused because of something that happened at {@code at} (e.g. the parcel already left then). */
    public ParcelRefused(String code, String messageKey, @Nullable Instant at) {
        super(messageKey);
        this.code = code;
        this.at = at;
    }

    /** When the thing that makes this refusal happened, if it is about an earlier moment. */
    public @Nullable Instant at() {
        return at;
    }

    public String code() {
        return code;
    }
}

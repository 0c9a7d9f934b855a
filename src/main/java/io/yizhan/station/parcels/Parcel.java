package io.yizhan.station.parcels;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A parcel as staff and the API see it; the phone is always masked. */
public record Parcel(UUID id, String waybill, String courier, String pickupCode, int shelf, int layer,
                     ParcelStatus status, @Nullable String phone, SizeClass size, boolean cold,
                     Instant checkedInAt, @Nullable Instant leftAt, @Nullable String damageNote, @Nullable Long codFen) {

    /** Cash to take before this parcel may leave. */
    public boolean cashOnDelivery() {
        return codFen != null && codFen > 0;
    }
}

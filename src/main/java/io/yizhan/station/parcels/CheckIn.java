package io.yizhan.station.parcels;

import org.jspecify.annotations.Nullable;

/** What a clerk (or the API) gives at check-in. Courier, size and cold are optional. */
public record CheckIn(String waybill, String phone, @Nullable String courier, @Nullable SizeClass size,
                      boolean cold, @Nullable String damageNote) {
}

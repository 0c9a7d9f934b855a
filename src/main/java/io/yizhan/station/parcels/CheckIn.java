package io.yizhan.station.parcels;

import org.jspecify.annotations.Nullable;

/**
 * What a clerk (or the API) gives at check-in. Courier, size, damage note and the cash-on-delivery
 * amount ({@code codFen}, in fen) are optional.
 */
public record CheckIn(String waybill, String phone, @Nullable String courier, @Nullable SizeClass size,
                      boolean cold, @Nullable String damageNote, @Nullable Long codFen) {

    public CheckIn(String waybill, String phone, @Nullable String courier, @Nullable SizeClass size, boolean cold,
                   @Nullable String damageNote) {
        this(waybill, phone, courier, size, cold, damageNote, null);
    }
}

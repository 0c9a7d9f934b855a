package io.yizhan.station.parcels;

import org.jspecify.annotations.Nullable;

/**
 * A parcel a resident sends: who sends it, to whom and where (province code from the tariffs, and
 * the address), with which courier, its weight in grams and, when measured, its size in cm.
 */
public record SendRequest(String courier, String senderName, String senderPhone, String recipientName, String recipientPhone,
                          String province, String address, long grams, @Nullable Integer lengthCm, @Nullable Integer widthCm,
                          @Nullable Integer heightCm) {
}

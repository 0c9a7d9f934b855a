package io.yizhan.station.parcels;

import java.time.Instant;
import java.util.UUID;

/**
 * The station asks central to text a recipient (parcel arrived, reminder). Carries the full phone
 * number — central needs it to send — and the message; published in the transaction that queued it.
 */
public record NotificationRequested(UUID eventId, UUID notificationId, UUID parcelId, String kind, String phone, String text,
                                    Instant at) {

    @Override
    public String toString() {
        return "NotificationRequested[" + notificationId + ", " + kind + ", " + io.yizhan.station.shared.PersonalData.maskPhone(phone) + "]";
    }
}

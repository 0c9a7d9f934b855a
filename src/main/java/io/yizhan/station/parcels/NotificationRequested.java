package io.yizhan.station.parcels;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The station asks central to text a recipient (parcel arrived, reminder). Carries the full phone
 * number — central needs it to send — and the message; published in the transaction that queued it.
 */
public record NotificationRequested(UUID eventId, UUID notificationId, UUID parcelId, String kind, String phone, String text,
                                    Instant at) implements OutboundEvent {

    @Override
    public String toString() {
        return "NotificationRequested[" + notificationId + ", " + kind + ", " + io.yizhan.station.shared.PersonalData.maskPhone(phone) + "]";
    }

    @Override
    public UUID aggregateId() {
        return parcelId;
    }
}

package io.yizhan.contract;

import java.util.Map;

/**
 * The event types and versions of this contract. Central refuses (and the station quarantines) an
 * event of a type or version it does not know, e.g. from a newer station, until central learns it.
 */
public final class EventTypes {

    /** type → the highest version central understands. */
    public static final Map<String, Integer> KNOWN = Map.of(
            "ParcelCheckedIn", 1,
            "ParcelPickedUp", 1,
            "ParcelReturned", 1,
            "ParcelSent", 1,
            "ParcelCollected", 1,
            "PaymentTaken", 1,
            "CashSessionClosed", 1,
            "PaymentRefunded", 1,
            "MoneyDisbursed", 1,
            "NotificationRequested", 1);

    private EventTypes() {
    }

    public static boolean known(String type, int version) {
        Integer max = KNOWN.get(type);
        return max != null && version >= 1 && version <= max;
    }
}

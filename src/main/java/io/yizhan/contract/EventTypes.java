package io.yizhan.contract;

import java.util.Map;

/**
 * The event types and versions of this contract. Central refuses (and the station quarantines) an
 * event of a type or version it does not know, e.g. from a newer station, until central learns it.
 */
public final class EventTypes {

    /** type → the highest version central understands. */
    public static final Map<String, Integer> KNOWN = Map.ofEntries(
            Map.entry("ParcelCheckedIn", 1),
            Map.entry("ParcelPickedUp", 1),
            Map.entry("ParcelReturned", 1),
            Map.entry("ParcelSent", 1),
            Map.entry("ParcelCollected", 1),
            Map.entry("PaymentTaken", 1),
            Map.entry("CashSessionClosed", 1),
            Map.entry("PaymentRefunded", 1),
            Map.entry("MoneyDisbursed", 1),
            Map.entry("NotificationRequested", 1),
            Map.entry("SaleCompleted", 1),
            Map.entry("SaleReturned", 1),
            Map.entry("StockMoved", 1),
            Map.entry("LotReceived", 1),
            Map.entry("LotListed", 1),
            Map.entry("LotSold", 1),
            Map.entry("ConsignorPaid", 1),
            Map.entry("OnlineOrderShipped", 1),
            Map.entry("OnlineOrderCancelled", 1),
            Map.entry("OrderPlaced", 1),
            Map.entry("OrderPaid", 1),
            Map.entry("OrderArrived", 1),
            Map.entry("OrderReceived", 1),
            Map.entry("AfterSalesRequested", 1),
            Map.entry("OrderRefunded", 1),
            Map.entry("BillPaid", 1),
            Map.entry("BillRefunded", 1),
            Map.entry("TopUpCompleted", 1));

    private EventTypes() {
    }

    public static boolean known(String type, int version) {
        Integer max = KNOWN.get(type);
        return max != null && version >= 1 && version <= max;
    }
}

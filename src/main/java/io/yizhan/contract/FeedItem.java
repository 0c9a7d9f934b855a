package io.yizhan.contract;

import tools.jackson.databind.JsonNode;

/**
 * One item a station pulls from central: which feed, its cursor (the station asks for items after
 * the last cursor it applied), the key that makes applying it idempotent, and the payload. Inside
 * the station it is published as an application event, in the transaction that moves the cursor.
 */
public record FeedItem(String feed, long cursor, String key, JsonNode payload) {

    /** Courier manifests: parcels on their way to the station, with the recipient's phone. */
    public static final String MANIFESTS = "manifests";
    /** What became of the text messages the station asked central to send. */
    public static final String NOTIFICATION_RESULTS = "notification-results";
    /** Central's decisions on the station's listings: {@code {listingId, approved, reason}}. */
    public static final String LISTING_REVIEWS = "listing-reviews";
    /**
     * Orders the platform took for the station's listed lots: {@code {orderId, listingId, quantity,
     * amountFen, shippingFen, recipientName, recipientPhone, province, address}}.
     */
    public static final String ONLINE_ORDERS = "online-orders";

    /** The platform's catalog, the same for every station: {@link CatalogEntry} payloads, the cursor a catalog version. */
    public static final String CATALOG = "catalog";
    /** Changes of the station's assisted-buying orders: {@link ShopOrders.Change} payloads. */
    public static final String SHOP_ORDERS = "shop-orders";

    /** Where a station pulls a feed on central: {@code ?after={cursor}&limit={n}}. */
    public static String path(String feed) {
        return "/api/sync/feeds/" + feed;
    }
}

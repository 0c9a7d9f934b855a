package io.yizhan.station.shopping.internal;

import io.yizhan.contract.FeedItem;
import io.yizhan.contract.ShopOrders;
import io.yizhan.station.parcels.ParcelCheckedIn;
import io.yizhan.station.parcels.ParcelPickedUp;
import io.yizhan.station.shopping.Shopping;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where orders meet the rest of the station, each in the transaction of what happened: central's
 * changes on the {@code shop-orders} feed; a checked-in parcel whose waybill is a shipped order's
 * ({@code ARRIVED}); that parcel picked up ({@code RECEIVED}).
 */
@Component
class ShoppingEvents {

    private final Shopping shopping;
    private final JsonMapper json;

    private final io.yizhan.station.shopping.AfterSales afterSales;

    ShoppingEvents(Shopping shopping, JsonMapper json, io.yizhan.station.shopping.AfterSales afterSales) {
        this.afterSales = afterSales;
        this.shopping = shopping;
        this.json = json;
    }

    @EventListener
    void on(FeedItem item) {
        if (item.feed().equals(FeedItem.SHOP_ORDERS)) {
            ShopOrders.Change c = json.treeToValue(item.payload(), ShopOrders.Change.class);
            if (c.afterSalesId() != null) {
                afterSales.decided(java.util.UUID.fromString(c.afterSalesId()), c.status().equals(ShopOrders.Change.AFTER_SALES_APPROVED), c.note());
            } else {
                shopping.follow(c.orderNo(), c.status(), c.reservedUntil(), c.courier(), c.waybill());
            }
        }
    }

    @EventListener
    void on(ParcelCheckedIn e) {
        shopping.arrived(e.waybill(), e.parcelId());
    }

    @EventListener
    void on(ParcelPickedUp e) {
        shopping.received(e.parcelId());
    }
}

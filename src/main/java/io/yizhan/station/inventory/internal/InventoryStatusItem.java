package io.yizhan.station.inventory.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import io.yizhan.station.counter.StatusStripItem;
import io.yizhan.station.inventory.Thresholds;

/** Status strip: how many goods are at or below their threshold and how many batches are near expiry, when any are; a link to the lists. */
@org.springframework.stereotype.Component
class InventoryStatusItem implements StatusStripItem {

    /** The goods screen, where the two lists are. */
    static final String GOODS_ROUTE = "counter/goods";

    private final Thresholds thresholds;

    InventoryStatusItem(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public Component create() {
        int low = thresholds.lowStockCount();
        int expiring = thresholds.nearExpiryCount();
        Anchor item = new Anchor();
        item.setHref(GOODS_ROUTE);
        item.setId("status-inventory");
        item.addClassName("status-item");
        item.setText(item.getTranslation("inventory.status", low, expiring));
        item.setVisible(low > 0 || expiring > 0);
        return item;
    }

    @Override
    public int order() {
        return 400;
    }
}

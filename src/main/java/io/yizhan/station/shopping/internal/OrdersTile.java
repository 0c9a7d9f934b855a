package io.yizhan.station.shopping.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.yizhan.station.kiosk.KioskTile;
import io.yizhan.station.shopping.Catalog;
import io.yizhan.station.shopping.ui.KioskOrdersView;


/** 我的订单 on the kiosk home screen, once the station holds the platform's catalog (so it takes orders). */
@org.springframework.stereotype.Component
class OrdersTile implements KioskTile {

    private final Catalog catalog;

    OrdersTile(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String id() {
        return "orders";
    }

    @Override
    public String titleKey() {
        return "shopping.kiosk.orders.tile";
    }

    @Override
    public VaadinIcon icon() {
        return VaadinIcon.PACKAGE;
    }

    @Override
    public Class<? extends Component> target() {
        return KioskOrdersView.class;
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public boolean works() {
        return catalog.count() > 0;
    }
}

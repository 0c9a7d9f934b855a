package io.yizhan.station.shopping.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.yizhan.station.kiosk.KioskTile;
import io.yizhan.station.shopping.Catalog;
import io.yizhan.station.shopping.ui.KioskShopView;


/** 买东西 on the kiosk home screen, once the station holds the platform's catalog. */
@org.springframework.stereotype.Component
class ShopTile implements KioskTile {

    private final Catalog catalog;

    ShopTile(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String id() {
        return "shop";
    }

    @Override
    public String titleKey() {
        return "shopping.kiosk.tile";
    }

    @Override
    public VaadinIcon icon() {
        return VaadinIcon.CART;
    }

    @Override
    public Class<? extends Component> target() {
        return KioskShopView.class;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean works() {
        return catalog.count() > 0;
    }
}

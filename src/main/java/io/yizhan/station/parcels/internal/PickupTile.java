package io.yizhan.station.parcels.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.yizhan.station.kiosk.KioskTile;
import io.yizhan.station.parcels.ui.PickupView;

/** 取快递 on the kiosk home screen. */
@org.springframework.stereotype.Component
class PickupTile implements KioskTile {

    @Override
    public String id() {
        return "pickup";
    }

    @Override
    public String titleKey() {
        return "parcels.pickup.tile";
    }

    @Override
    public VaadinIcon icon() {
        return VaadinIcon.PACKAGE;
    }

    @Override
    public Class<? extends Component> target() {
        return PickupView.class;
    }

    @Override
    public int order() {
        return 10;
    }
}

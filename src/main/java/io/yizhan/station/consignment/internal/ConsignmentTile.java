package io.yizhan.station.consignment.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.yizhan.station.consignment.Consignors;
import io.yizhan.station.consignment.ui.KioskConsignmentView;
import io.yizhan.station.kiosk.KioskTile;

/** 我的代销 on the kiosk home screen, while the station can read consignors' numbers (its key is set, or demo mode). */
@org.springframework.stereotype.Component
class ConsignmentTile implements KioskTile {

    private final Consignors consignors;

    ConsignmentTile(Consignors consignors) {
        this.consignors = consignors;
    }

    @Override
    public String id() {
        return "consignment";
    }

    @Override
    public String titleKey() {
        return "consignment.kiosk.tile";
    }

    @Override
    public VaadinIcon icon() {
        return VaadinIcon.WALLET;
    }

    @Override
    public Class<? extends Component> target() {
        return KioskConsignmentView.class;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean works() {
        return consignors.ready();
    }
}

package io.yizhan.station.bills.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.yizhan.station.bills.ui.KioskBillsView;
import io.yizhan.station.kiosk.KioskTile;

/** 缴费 on the kiosk home screen: water, electricity and gas bills paid alone with a payment code. */
@org.springframework.stereotype.Component
class BillsTile implements KioskTile {

    private final io.yizhan.station.sync.SyncProperties sync;

    BillsTile(io.yizhan.station.sync.SyncProperties sync) {
        this.sync = sync;
    }

    /** Only at a station linked to central: the billers are reached through it (while it is away, the screen says to come to the counter). */
    @Override
    public boolean works() {
        return sync.enabled();
    }

    @Override
    public String id() {
        return "bills";
    }

    @Override
    public String titleKey() {
        return "bills.kiosk.tile";
    }

    @Override
    public VaadinIcon icon() {
        return VaadinIcon.DROP;
    }

    @Override
    public Class<? extends Component> target() {
        return KioskBillsView.class;
    }

    @Override
    public int order() {
        return 45;
    }
}

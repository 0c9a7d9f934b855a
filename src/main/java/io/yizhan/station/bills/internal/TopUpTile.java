package io.yizhan.station.bills.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.yizhan.station.bills.ui.KioskTopUpView;
import io.yizhan.station.kiosk.KioskTile;

/** 充话费 on the kiosk home screen: a mobile number topped up alone with a payment code. */
@org.springframework.stereotype.Component
class TopUpTile implements KioskTile {

    private final io.yizhan.station.sync.SyncProperties sync;

    TopUpTile(io.yizhan.station.sync.SyncProperties sync) {
        this.sync = sync;
    }

    /** Only at a station linked to central: the billers are reached through it (while it is away, the screen says to come to the counter). */
    @Override
    public boolean works() {
        return sync.enabled();
    }

    @Override
    public String id() {
        return "topup";
    }

    @Override
    public String titleKey() {
        return "bills.kiosk.topup.tile";
    }

    @Override
    public VaadinIcon icon() {
        return VaadinIcon.MOBILE;
    }

    @Override
    public Class<? extends Component> target() {
        return KioskTopUpView.class;
    }

    @Override
    public int order() {
        return 46;
    }
}

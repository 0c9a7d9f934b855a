package io.yizhan.station.bills.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.yizhan.station.bills.ui.KioskTopUpView;
import io.yizhan.station.kiosk.KioskTile;

/** 充话费 on the kiosk home screen: a mobile number topped up alone with a payment code. */
@org.springframework.stereotype.Component
class TopUpTile implements KioskTile {

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

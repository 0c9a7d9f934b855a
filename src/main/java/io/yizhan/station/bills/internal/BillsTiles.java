package io.yizhan.station.bills.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.yizhan.station.bills.ui.KioskBillsView;
import io.yizhan.station.bills.ui.KioskTopUpView;
import io.yizhan.station.kiosk.KioskTile;
import io.yizhan.station.sync.SyncProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 缴费 and 充话费 on the kiosk home screen, only at a station linked to central: the billers and the
 * top-up aggregator are reached through it (while it is away, the screens say to come to the counter).
 */
@Configuration(proxyBeanMethods = false)
class BillsTiles {

    /** A bills service's tile. */
    record Tile(String id, String titleKey, VaadinIcon icon, Class<? extends Component> target, int order, SyncProperties sync) implements KioskTile {

        @Override
        public boolean works() {
            return sync.enabled();
        }
    }

    @Bean
    KioskTile billsTile(SyncProperties sync) {
        return new Tile("bills", "bills.kiosk.tile", VaadinIcon.DROP, KioskBillsView.class, 45, sync);
    }

    @Bean
    KioskTile topUpTile(SyncProperties sync) {
        return new Tile("topup", "bills.kiosk.topup.tile", VaadinIcon.MOBILE, KioskTopUpView.class, 46, sync);
    }
}

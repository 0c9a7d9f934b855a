package io.yizhan.station.kiosk.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.yizhan.station.kiosk.KioskTile;
import io.yizhan.station.kiosk.ui.CallStaffView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kiosk shell's own tile: calling staff always works. */
@Configuration
class KioskTiles {

    @Bean
    KioskTile callStaffTile() {
        return new KioskTile() {
            @Override
            public String id() {
                return "call-staff";
            }

            @Override
            public String titleKey() {
                return "kiosk.tile.call-staff";
            }

            @Override
            public VaadinIcon icon() {
                return VaadinIcon.BELL;
            }

            @Override
            public Class<? extends Component> target() {
                return CallStaffView.class;
            }

            @Override
            public int order() {
                return 900;
            }
        };
    }
}

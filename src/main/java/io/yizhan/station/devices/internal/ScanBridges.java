package io.yizhan.station.devices.internal;

import com.vaadin.flow.component.Component;
import io.yizhan.station.devices.Scanners;
import io.yizhan.station.kiosk.KioskFrameItem;

/** Puts a scan bridge into every kiosk screen (the counter gets it through the status strip). */
@org.springframework.stereotype.Component
class ScanBridges implements KioskFrameItem {

    private final ScanRouter router;
    private final Scanners scanners;

    ScanBridges(ScanRouter router, Scanners scanners) {
        this.router = router;
        this.scanners = scanners;
    }

    @Override
    public Component create() {
        return new ScanBridge(router, scanners);
    }
}

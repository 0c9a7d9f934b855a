package io.yizhan.station.kiosk;

import com.vaadin.flow.component.Component;

/**
 * Something every kiosk screen carries besides its content (e.g. the scanner bridge of the devices
 * module). Declare a bean; the kiosk frame adds a fresh component from it to each kiosk UI.
 */
public interface KioskFrameItem {

    Component create();
}

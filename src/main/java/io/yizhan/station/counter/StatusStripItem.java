package io.yizhan.station.counter;

import com.vaadin.flow.component.Component;

/**
 * Something the counter's status strip shows (device health, sync state, last backup …). Declare a
 * bean; the strip asks it for a fresh component for every counter screen, in {@link #order()}.
 * The component keeps itself current (e.g. through push) while attached.
 */
public interface StatusStripItem {

    Component create();

    default int order() {
        return 100;
    }
}

package io.yizhan.station.kiosk;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A service on the kiosk home screen. Declare one as a bean only when the service works: the home
 * screen shows every tile that exists, sorted by {@link #order()}, and nothing else.
 */
public interface KioskTile {

    /** Stable id, also the element id of the tile ({@code tile-<id>}). */
    String id();

    /** Translation key of the tile's title, e.g. {@code kiosk.tile.call-staff}. */
    String titleKey();

    VaadinIcon icon();

    /** The screen the tile opens. */
    Class<? extends Component> target();

    default int order() {
        return 100;
    }

    /** Whether the service works right now (e.g. its configuration is complete); a tile that does not is not shown. */
    default boolean works() {
        return true;
    }
}

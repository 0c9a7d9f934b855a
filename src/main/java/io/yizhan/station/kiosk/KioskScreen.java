package io.yizhan.station.kiosk;

/** A kiosk screen: says what its spoken prompt is. The layout speaks it on entry and on "再听一遍". */
public interface KioskScreen {

    /** Translation key of the sentence spoken when the screen opens. */
    String promptKey();

    /** Whether the layout shows Back and Home (every screen but the home screen does). */
    default boolean showsNavigation() {
        return true;
    }
}

package io.yizhan.station.kiosk;

/** A kiosk screen: says what its spoken prompt is. The layout speaks it on entry and on "再听一遍". */
public interface KioskScreen {

    /** Translation key of the sentence spoken when the screen opens. */
    String promptKey();

    /** The sentence to speak now, when it depends on what the screen shows (else the prompt key's text). */
    default java.util.Optional<String> spokenText() {
        return java.util.Optional.empty();
    }

    /** Whether the layout shows Back and Home (every screen but the home screen does). */
    default boolean showsNavigation() {
        return true;
    }
}

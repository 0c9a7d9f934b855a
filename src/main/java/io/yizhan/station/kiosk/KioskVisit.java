package io.yizhan.station.kiosk;

import com.vaadin.flow.server.VaadinSession;
import io.yizhan.station.shared.Translations;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The current resident's choices at this kiosk: language, text size and voice. Kept in the session
 * and wiped, with everything else, when the kiosk resets for the next person.
 */
public final class KioskVisit implements Serializable {

    /** Text scales offered: standard, large, extra large. */
    public static final List<Double> SCALES = List.of(1.0, 1.25, 1.5);

    private Locale locale = Translations.SIMPLIFIED;
    private int scaleIndex;
    private boolean voiceOn;

    public static KioskVisit current() {
        VaadinSession session = VaadinSession.getCurrent();
        KioskVisit visit = session.getAttribute(KioskVisit.class);
        if (visit == null) {
            visit = new KioskVisit();
            session.setAttribute(KioskVisit.class, visit);
        }
        return visit;
    }

    /** Forgets this resident's choices. */
    public static KioskVisit reset() {
        VaadinSession.getCurrent().setAttribute(KioskVisit.class, null);
        return current();
    }

    public Locale locale() {
        return locale;
    }

    public void locale(Locale locale) {
        this.locale = Translations.supported(locale);
    }

    public double scale() {
        return SCALES.get(scaleIndex);
    }

    public int scaleIndex() {
        return scaleIndex;
    }

    /** Next size, wrapping around from the largest to standard. */
    public void nextScale() {
        scaleIndex = (scaleIndex + 1) % SCALES.size();
    }

    public boolean voiceOn() {
        return voiceOn;
    }

    public void voiceOn(boolean on) {
        this.voiceOn = on;
    }

    /** Nothing chosen yet: a fresh kiosk. */
    public boolean isFresh() {
        return locale.equals(Translations.SIMPLIFIED) && scaleIndex == 0 && !voiceOn;
    }
}

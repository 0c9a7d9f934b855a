package io.yizhan.station.kiosk.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yizhan.station.kiosk.KioskLayout;
import io.yizhan.station.kiosk.KioskScreen;
import io.yizhan.station.kiosk.KioskVisit;
import io.yizhan.station.kiosk.NumericKeypad;

/**
 * The installer's check of a kiosk (no tile; opened at {@code /kiosk/self-check} when setting a
 * kiosk up or after a repair): every keypad key must register where it is touched, and the
 * speaker must say the test sentence.
 */
@Route(value = "kiosk/self-check", layout = KioskLayout.class)
@AnonymousAllowed
public class SelfCheckView extends Div implements KioskScreen, HasDynamicTitle {

    public SelfCheckView() {
        addClassName("kiosk-self-check");
        add(new H1(getTranslation("kiosk.self-check.title")));
        Paragraph help = new Paragraph(getTranslation("kiosk.self-check.help"));
        Paragraph result = new Paragraph();
        result.setId("self-check-result");
        result.addClassName("kiosk-lead");
        result.getElement().setAttribute("role", "status");
        NumericKeypad keypad = new NumericKeypad("kiosk.self-check.keys", 12, true);
        keypad.addConfirmListener(e -> result.setText(getTranslation("kiosk.self-check.typed", e.value())));
        NativeButton sound = new NativeButton(getTranslation("kiosk.self-check.sound"), e -> {
            KioskVisit.current().voiceOn(true);
            KioskLayout.current().applyVisit(KioskVisit.current());
            KioskLayout.current().speakPrompt();
        });
        sound.setId("self-check-sound");
        sound.addClassNames("kiosk-button", "secondary");
        Div row = new Div(keypad, new Div(sound, result));
        row.addClassName("kiosk-self-check-row");
        add(help, row);
    }

    @Override
    public String promptKey() {
        return "kiosk.self-check.prompt";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.kiosk.self-check");
    }
}

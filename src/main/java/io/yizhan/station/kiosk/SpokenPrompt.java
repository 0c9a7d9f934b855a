package io.yizhan.station.kiosk;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * What a kiosk screen whose prompt changes step by step says now: {@link #set} for the next time it
 * is asked ("再听一遍"), {@link #say} to speak it at once. A screen returns {@link #text()} from
 * {@link KioskScreen#spokenText()}.
 */
public final class SpokenPrompt {

    private String text = "";

    public void set(String sentence) {
        text = sentence;
    }

    /** Speaks {@code sentence} now on the screen's kiosk, and again when asked. */
    public void say(Component screen, String sentence) {
        text = sentence;
        screen.getUI().ifPresent(ui -> KioskLayout.current().speakPrompt());
    }

    public Optional<String> text() {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}

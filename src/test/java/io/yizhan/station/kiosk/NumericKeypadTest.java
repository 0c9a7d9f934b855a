package io.yizhan.station.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import io.yizhan.station.support.StationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@StationTest
@ViewPackages(packages = "io.yizhan.station")
class NumericKeypadTest extends SpringBrowserlessTest {

    @org.junit.jupiter.api.BeforeEach
    void chinese() {
        UI.getCurrent().setLocale(io.yizhan.station.shared.Translations.SIMPLIFIED);
    }

    private void press(String id) {
        test($(NativeButton.class).id(id)).click();
    }

    private String display() {
        return $(Span.class).id("keypad-display").getText();
    }

    @Test
    void typesDigitsAndDashesConfirmsAndCorrects() {
        NumericKeypad keypad = new NumericKeypad("kiosk.keypad.confirm", 9, true);
        UI.getCurrent().add(keypad);
        List<String> confirmed = new ArrayList<>();
        keypad.addConfirmListener(e -> confirmed.add(e.value()));

        assertThat($(NativeButton.class).id("keypad-confirm").isEnabled()).isFalse();
        for (String key : List.of("3", "dash", "2", "dash", "0", "2", "1", "7")) {
            press("keypad-" + key);
        }
        assertThat(display()).isEqualTo("3-2-0217");
        press("keypad-backspace");
        assertThat(display()).isEqualTo("3-2-021");
        press("keypad-7");
        press("keypad-9");
        press("keypad-9"); // beyond the 9-character limit: ignored
        assertThat(keypad.getValue()).isEqualTo("3-2-02179");
        press("keypad-confirm");
        assertThat(confirmed).containsExactly("3-2-02179");
        press("keypad-clear");
        assertThat(keypad.getValue()).isEmpty();
        assertThat($(NativeButton.class).id("keypad-confirm").isEnabled()).isFalse();
    }

    @Test
    void withoutDashOffersClearInItsPlaceAndIgnoresLetters() {
        NumericKeypad keypad = new NumericKeypad("kiosk.keypad.confirm", 4, false);
        UI.getCurrent().add(keypad);
        assertThat($(NativeButton.class).withId("keypad-dash").exists()).isFalse();
        keypad.type('a');
        keypad.type('-');
        keypad.type('5');
        assertThat(keypad.getValue()).isEqualTo("5");
        assertThat($(NativeButton.class).withClassName("keypad-key").all()).hasSize(13);
    }
}

package io.yizhan.station.kiosk;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * The kiosk's on-screen number pad: digits, dash, backspace, clear and confirm, keys at least
 * 80 px. It shows what was typed in a large display labelled by the caller (e.g. "取件码"); a
 * resident never types letters. Confirm hands the value to the listener.
 */
public class NumericKeypad extends Div {

    private final Span display = new Span();
    private final Span label = new Span();
    private final int maxLength;
    private final boolean allowDash;
    private final NativeButton confirm;
    private final StringBuilder value = new StringBuilder();

    /** A confirmed entry. */
    public static class ConfirmEvent extends ComponentEvent<NumericKeypad> {
        private final String value;

        ConfirmEvent(NumericKeypad source, String value) {
            super(source, false);
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /**
     * @param labelKey translation key of what is typed, shown above the display and read by screen readers
     * @param maxLength longest value accepted; further key presses are ignored
     * @param allowDash whether the "-" key is offered
     */
    public NumericKeypad(String labelKey, int maxLength, boolean allowDash) {
        this.maxLength = maxLength;
        this.allowDash = allowDash;
        addClassName("keypad");
        label.addClassName("keypad-label");
        label.setText(getTranslation(labelKey));
        label.setId("keypad-label");
        display.addClassName("keypad-display");
        display.setId("keypad-display");
        display.getElement().setAttribute("role", "status");
        display.getElement().setAttribute("aria-labelledby", "keypad-label");
        display.getElement().setAttribute("aria-live", "polite");
        Div keys = new Div();
        keys.addClassName("keypad-keys");
        for (String digit : new String[] {"1", "2", "3", "4", "5", "6", "7", "8", "9"}) {
            keys.add(key(digit, digit, () -> type(digit.charAt(0))));
        }
        keys.add(allowDash ? key("-", "keypad-dash", () -> type('-')) : key(getTranslation("kiosk.keypad.clear"), "keypad-clear", this::clear));
        keys.add(key("0", "0", () -> type('0')));
        keys.add(key("⌫", "keypad-backspace", this::backspace));
        keys.getChildren().filter(c -> "keypad-backspace".equals(c.getId().orElse(null)))
                .forEach(c -> c.getElement().setAttribute("aria-label", getTranslation("kiosk.keypad.backspace")));
        Div actions = new Div();
        actions.addClassName("keypad-actions");
        if (allowDash) {
            actions.add(key(getTranslation("kiosk.keypad.clear"), "keypad-clear", this::clear));
        }
        confirm = key(getTranslation("kiosk.keypad.confirm"), "keypad-confirm", this::confirm);
        confirm.addClassName("primary");
        actions.add(confirm);
        add(label, display, keys, actions);
        render();
    }

    private NativeButton key(String text, String idSuffix, Runnable action) {
        NativeButton button = new NativeButton(text, e -> action.run());
        button.addClassName("keypad-key");
        button.setId(idSuffix.startsWith("keypad-") ? idSuffix : "keypad-" + idSuffix);
        return button;
    }

    /** Types one character, as a key press would. */
    public void type(char c) {
        if (value.length() >= maxLength || !(Character.isDigit(c) || (c == '-' && allowDash))) {
            return;
        }
        value.append(c);
        render();
    }

    public void backspace() {
        if (!value.isEmpty()) {
            value.setLength(value.length() - 1);
            render();
        }
    }

    public void clear() {
        value.setLength(0);
        render();
    }

    public String getValue() {
        return value.toString();
    }

    private void confirm() {
        if (!value.isEmpty()) {
            fireEvent(new ConfirmEvent(this, value.toString()));
        }
    }

    public Registration addConfirmListener(Consumer<ConfirmEvent> listener) {
        return addListener(ConfirmEvent.class, listener::accept);
    }

    private void render() {
        display.setText(value.isEmpty() ? "\u00a0" : value.toString());
        confirm.setEnabled(!value.isEmpty());
    }
}

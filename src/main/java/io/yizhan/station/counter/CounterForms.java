package io.yizhan.station.counter;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.yizhan.station.shared.Money;
import java.util.Optional;

/** What the counter's forms share: fields in a row that wraps on a narrow screen, and amounts typed in yuan. */
public final class CounterForms {

    private CounterForms() {
    }

    /** Fields side by side, their labels' baselines aligned, wrapping when the screen is narrow. */
    public static HorizontalLayout row(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** The amount typed in yuan, in fen: empty when nothing is typed, −1 when it is not an amount. */
    public static Optional<Long> fen(TextField field) {
        try {
            return field.isEmpty() ? Optional.empty() : Optional.of(Money.fen(field.getValue()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.of(-1L);
        }
    }
}

package io.yizhan.station.consignment.ui;

import io.yizhan.station.devices.Scales;
import io.yizhan.station.devices.Weight;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The stable weight on this counter's scale (up to two seconds for the load to settle), for the
 * consignment screens; when there is none, {@code refused} gets the message key that says why (no
 * scale at this counter, or not steady).
 */
final class CounterScale {

    private CounterScale() {
    }

    static Optional<Long> stableGrams(Scales scales, Consumer<String> refused) {
        Optional<String> scale = scales.scaleAt(CurrentTerminal.name());
        if (scale.isEmpty()) {
            refused.accept("consignment.intake.no-scale");
            return Optional.empty();
        }
        try {
            Optional<Weight> weight = scales.waitForStable(scale.get(), Duration.ofSeconds(2));
            if (weight.isEmpty() || weight.get().grams() <= 0) {
                refused.accept("consignment.intake.unstable");
                return Optional.empty();
            }
            return Optional.of(weight.get().grams());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

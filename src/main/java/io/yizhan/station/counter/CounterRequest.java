package io.yizhan.station.counter;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A numbered request on the counter's queue: {@code kind} (e.g. {@code PAY_CASH}, {@code CASH_REFUND},
 * {@code HELP_BUY}) says what is wanted and is shown in the clerk's language with {@code detail}
 * (an amount, a name); {@code route} is the counter screen that serves it, if any.
 */
public record CounterRequest(UUID id, int number, String kind, String detail, String fromTerminal, @Nullable String route, Instant postedAt,
                             @Nullable String takenBy) {
}

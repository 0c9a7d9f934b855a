package io.yizhan.station.shopping;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What each counter's customer-facing display shows: the order a clerk put there for the resident to
 * read and confirm. Kept in memory only — after a restart the clerk shows it again; the consent
 * itself is recorded on the order.
 */
@Component
public class DisplayBoard {

    private final Map<String, UUID> shown = new ConcurrentHashMap<>();

    /** The clerk at this counter puts the order on its display. */
    public void show(String counter, UUID orderId) {
        shown.put(counter, orderId);
    }

    public Optional<UUID> current(String counter) {
        return Optional.ofNullable(shown.get(counter));
    }

    /** The display is cleared once the resident answered (or the clerk took the order back). */
    public void clear(String counter, UUID orderId) {
        shown.remove(counter, orderId);
    }
}

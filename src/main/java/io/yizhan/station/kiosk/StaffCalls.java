package io.yizhan.station.kiosk;

import io.yizhan.station.shared.UuidV7;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "呼叫店员": a resident at a kiosk asks for help. Every signed-in counter is alerted (the counter
 * module listens for {@link StaffCalled}). Pressing again within {@link #REPEAT_WINDOW} reassures
 * the resident but does not ring the counters again.
 */
@Service
public class StaffCalls {

    static final Duration REPEAT_WINDOW = Duration.ofSeconds(20);

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Instant> lastCall = new ConcurrentHashMap<>();

    StaffCalls(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Calls staff to this kiosk; returns false when the same kiosk called moments ago. */
    @Transactional
    public boolean call(String terminal) {
        Instant now = clock.instant();
        Instant previous = lastCall.get(terminal);
        if (previous != null && Duration.between(previous, now).compareTo(REPEAT_WINDOW) < 0) {
            return false;
        }
        lastCall.put(terminal, now);
        events.publishEvent(new StaffCalled(UuidV7.next(clock), terminal, now));
        return true;
    }
}

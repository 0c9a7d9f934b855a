package io.yizhan.station.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Wrong codes typed at a kiosk — pickup codes, phone numbers, a consignor's check code — counted
 * together per kiosk: every {@value #FAILURES_BEFORE_LOCK} failures lock that kiosk's code entry for
 * 30 s, doubling each time up to 15 minutes; a success clears it. Guessing codes is slow work.
 */
@Service
public class WrongCodeGuard {

    public static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private static final class State {
        int failures;
        int lockouts;
        Instant lockedUntil = Instant.EPOCH;
    }

    WrongCodeGuard(Clock clock) {
        this.clock = clock;
    }

    public Optional<Instant> lockedUntil(String terminal) {
        State s = states.get(terminal);
        return s != null && s.lockedUntil.isAfter(clock.instant()) ? Optional.of(s.lockedUntil) : Optional.empty();
    }

    /** Counts a failure; returns the end of the lock when this failure locked the kiosk. */
    public synchronized Optional<Instant> failed(String terminal) {
        State s = states.computeIfAbsent(terminal, t -> new State());
        s.failures++;
        if (s.failures < FAILURES_BEFORE_LOCK) {
            return Optional.empty();
        }
        Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(s.lockouts, 10));
        if (lock.compareTo(LONGEST_LOCK) > 0) {
            lock = LONGEST_LOCK;
        }
        s.failures = 0;
        s.lockouts++;
        s.lockedUntil = clock.instant().plus(lock);
        return Optional.of(s.lockedUntil);
    }

    public void succeeded(String terminal) {
        states.remove(terminal);
    }
}

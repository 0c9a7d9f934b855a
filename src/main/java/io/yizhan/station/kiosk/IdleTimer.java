package io.yizhan.station.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a kiosk screen left alone should warn and then go home. Pure logic on an injected clock, so
 * tests move time instead of sleeping: {@code idle} untouched → countdown of {@code countdown} →
 * expired.
 */
public final class IdleTimer {

    public enum State { ACTIVE, COUNTDOWN, EXPIRED }

    private final Clock clock;
    private final Duration idle;
    private final Duration countdown;
    private Instant lastTouch;

    public IdleTimer(Clock clock, Duration idle, Duration countdown) {
        this.clock = clock;
        this.idle = idle;
        this.countdown = countdown;
        this.lastTouch = clock.instant();
    }

    /** The resident did something. */
    public void touch() {
        lastTouch = clock.instant();
    }

    public State state() {
        Duration elapsed = Duration.between(lastTouch, clock.instant());
        if (elapsed.compareTo(idle) < 0) {
            return State.ACTIVE;
        }
        return elapsed.compareTo(idle.plus(countdown)) < 0 ? State.COUNTDOWN : State.EXPIRED;
    }

    /** Whole seconds left before going home (rounded up), 0 once expired. */
    public long secondsLeft() {
        long leftMillis = idle.plus(countdown).toMillis() - Duration.between(lastTouch, clock.instant()).toMillis();
        return leftMillis <= 0 ? 0 : (leftMillis + 999) / 1000;
    }
}

package io.yizhan.station.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RFC 9562 version-7 UUIDs: 48 bits of Unix milliseconds, then random bits, so ids sort by creation
 * time and never collide across stations. Ids made in the same millisecond by this JVM stay in
 * order (a 12-bit counter in {@code rand_a}).
 */
public final class UuidV7 {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private UuidV7() {
    }

    public static UUID next() {
        return next(Clock.systemUTC());
    }

    public static UUID next(Clock clock) {
        return next(clock, LAST);
    }

    /** With its own state (tests: a clock before ids this JVM made already). */
    static UUID next(Clock clock, AtomicLong last) {
        long now = clock.millis();
        // state = millis << 12 | counter; monotonic within this JVM
        long state = last.updateAndGet(prev -> {
            long candidate = now << 12;
            return candidate > prev ? candidate : prev + 1;
        });
        long millis = state >>> 12;
        long counter = state & 0xFFF;
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}

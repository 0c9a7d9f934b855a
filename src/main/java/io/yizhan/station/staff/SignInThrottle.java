package io.yizhan.station.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in throttling per username and place (the terminal, or the address of an unpaired client):
 * every {@value #FAILURES_BEFORE_LOCK} consecutive failures lock that username there, for 30 s the
 * first time and twice as long each time after, up to 30 minutes. A success clears it. The
 * counters live in the database, so restarts and several counters do not reset them.
 */
@Service
public class SignInThrottle {

    public static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Until when this username is locked at this place, if it is now. */
    public Optional<Instant> lockedUntil(String username, String place) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM staff_sign_in_throttle WHERE username = ? AND place = ?")
                .params(key(username), place)
                .query((rs, i) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .optional().flatMap(o -> o)
                .map(OffsetDateTime::toInstant)
                .filter(now::isBefore);
    }

    /** Counts a failure; returns the lock's end when this failure locked the username. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Instant> failed(String username, String place) {
        String user = key(username);
        try {
            jdbc.sql("INSERT INTO staff_sign_in_throttle (username, place, failures, lockouts) VALUES (?, ?, 0, 0)")
                    .params(user, place).update();
        } catch (DuplicateKeyException alreadyThere) {
            // counted below
        }
        jdbc.sql("UPDATE staff_sign_in_throttle SET failures = failures + 1 WHERE username = ? AND place = ?")
                .params(user, place).update();
        record Counts(int failures, int lockouts) {
        }
        Counts counts = jdbc.sql("SELECT failures, lockouts FROM staff_sign_in_throttle WHERE username = ? AND place = ?")
                .params(user, place).query((rs, i) -> new Counts(rs.getInt(1), rs.getInt(2))).single();
        if (counts.failures() < FAILURES_BEFORE_LOCK) {
            return Optional.empty();
        }
        Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(counts.lockouts(), 10));
        if (lock.compareTo(LONGEST_LOCK) > 0) {
            lock = LONGEST_LOCK;
        }
        Instant until = clock.instant().plus(lock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        jdbc.sql("UPDATE staff_sign_in_throttle SET failures = 0, lockouts = lockouts + 1, locked_until = ? WHERE username = ? AND place = ?")
                .params(OffsetDateTime.ofInstant(until, ZoneOffset.UTC), user, place).update();
        return Optional.of(until);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username, String place) {
        jdbc.sql("DELETE FROM staff_sign_in_throttle WHERE username = ? AND place = ?").params(key(username), place).update();
    }

    private static String key(String username) {
        String k = StaffAccounts.normalise(username);
        return k.length() > 64 ? k.substring(0, 64) : k;
    }
}

package io.yizhan.station.staff;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins with this username at this terminal: locked until {@link #until()}. */
public class SignInLockedException extends LockedException {

    private final Instant until;

    public SignInLockedException(Instant until) {
        super("Sign-in locked until " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}

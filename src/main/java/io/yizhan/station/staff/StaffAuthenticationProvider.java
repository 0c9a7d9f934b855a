package io.yizhan.station.staff;

import io.yizhan.station.shared.Digests;
import io.yizhan.station.terminals.CurrentTerminal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks staff credentials for the counter's sign-in form and the API's HTTP Basic.
 *
 * <p>Throttled per username and terminal ({@link SignInThrottle}). Verified credentials are kept
 * for {@link #CACHE_TTL} under their SHA-256, so an API client sending Basic on every request does
 * not cost a password hash each time; a password change or a disabled account drops them at once.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    static final Duration CACHE_TTL = Duration.ofSeconds(60);
    /** A hash of a random, forgotten password: unknown usernames cost as much time as known ones. */
    private static final String DUMMY_HASH = "{bcrypt}$2a$10$RXWjsGpO3N3wnHyjEBteJOwvZb4ANiS984DXgod7C8fsUvika3ln.";

    private final StaffAccounts accounts;
    private final SignInThrottle throttle;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final String dummyHash;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(StaffUser user, Instant expires) {
    }

    StaffAuthenticationProvider(StaffAccounts accounts, SignInThrottle throttle, PasswordEncoder encoder,
                                AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = DUMMY_HASH;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = StaffAccounts.normalise(request.getName());
        String password = String.valueOf(request.getCredentials());
        String key = Digests.sha256(username + '\u0000' + password);
        Instant now = clock.instant();
        Verified hit = verified.get(key);
        if (hit != null && hit.expires().isAfter(now)) {
            return token(hit.user());
        }
        String place = place();
        Optional<Instant> locked = throttle.lockedUntil(username, place);
        if (locked.isPresent()) {
            audit.record(username, CurrentTerminal.name(), "sign-in.refused-locked", username);
            throw new SignInLockedException(locked.get());
        }
        Optional<String> hash = accounts.passwordHash(username);
        boolean matches = encoder.matches(password, hash.orElse(dummyHash)) && hash.isPresent();
        if (!matches) {
            audit.record(username, CurrentTerminal.name(), "sign-in.failed", username);
            Optional<Instant> lockedNow = throttle.failed(username, place);
            if (lockedNow.isPresent()) {
                audit.record(username, CurrentTerminal.name(), "sign-in.locked", username);
                throw new SignInLockedException(lockedNow.get());
            }
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(username, place);
        StaffAccount account = accounts.find(username).orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        StaffUser user = new StaffUser(account.id(), account.username(), account.displayName(), account.role());
        if (verified.size() > 1_000) {
            verified.clear();
        }
        verified.put(key, new Verified(user, now.plus(CACHE_TTL)));
        if (isInteractive()) {
            audit.record(username, CurrentTerminal.name(), "sign-in", username);
        }
        return token(user);
    }

    @EventListener
    void on(StaffAccounts.CredentialsChanged changed) {
        verified.values().removeIf(v -> v.user().username().equals(changed.username()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static UsernamePasswordAuthenticationToken token(StaffUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.role().authorities());
    }

    /** Where the attempt comes from: the paired terminal, else the client's address. */
    private static String place() {
        return CurrentTerminal.get().map(t -> "terminal:" + t.id().value())
                .orElseGet(() -> "address:" + (request() == null ? "unknown" : request().getRemoteAddr()));
    }

    private static boolean isInteractive() {
        HttpServletRequest request = request();
        return request != null && "POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI());
    }

    private static @org.jspecify.annotations.Nullable HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }
}

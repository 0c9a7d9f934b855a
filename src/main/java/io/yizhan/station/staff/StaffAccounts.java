package io.yizhan.station.staff;

import io.yizhan.station.shared.UuidV7;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: the admin creates them, resets passwords and disables leavers. */
@Service
public class StaffAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    static final int MIN_PASSWORD = 8;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    StaffAccounts(JdbcClient jdbc, Clock clock, PasswordEncoder encoder, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.encoder = encoder;
        this.audit = audit;
        this.events = events;
    }

    public List<StaffAccount> all() {
        return jdbc.sql("SELECT * FROM staff_account ORDER BY username").query(StaffAccounts::map).list();
    }

    public Optional<StaffAccount> find(String username) {
        return jdbc.sql("SELECT * FROM staff_account WHERE username = ?").param(normalise(username))
                .query(StaffAccounts::map).optional();
    }

    public boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE role = ? AND enabled = TRUE").param(role.name())
                .query(Integer.class).single() > 0;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public StaffAccount create(String username, String displayName, Role role, String password) {
        StaffAccount account = insert(username, displayName, role, password);
        audit.record("staff.create", account.username() + " (" + role + ")");
        return account;
    }

    /** Creates an account without a signed-in admin: demo seeding and the live first admin. */
    @Transactional
    StaffAccount insert(String username, String displayName, Role role, String password) {
        checkPassword(password);
        return insertHashed(username, displayName, role, encoder.encode(password));
    }

    /** Creates an account from an already hashed password (the demo accounts ship theirs). */
    @Transactional
    StaffAccount insertHashed(String username, String displayName, Role role, String passwordHash) {
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new StaffException("staff.error.username");
        }
        if (displayName.isBlank()) {
            throw new StaffException("staff.error.display-name");
        }
        UUID id = UuidV7.next(clock);
        try {
            jdbc.sql("""
                            INSERT INTO staff_account (id, username, display_name, password_hash, role, enabled, created_at)
                            VALUES (?, ?, ?, ?, ?, TRUE, ?)""")
                    .params(id, name, displayName.strip(), passwordHash, role.name(),
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new StaffException("staff.error.duplicate");
        }
        return find(name).orElseThrow();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void resetPassword(String username, String password) {
        checkPassword(password);
        int n = jdbc.sql("UPDATE staff_account SET password_hash = ? WHERE username = ?")
                .params(encoder.encode(password), normalise(username)).update();
        if (n == 0) {
            throw new StaffException("staff.error.unknown");
        }
        events.publishEvent(new CredentialsChanged(normalise(username)));
        audit.record("staff.reset-password", normalise(username));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        String name = normalise(username);
        if (!enabled && name.equals(audit.currentActor())) {
            throw new StaffException("staff.error.disable-self");
        }
        int n = jdbc.sql("UPDATE staff_account SET enabled = ? WHERE username = ?").params(enabled, name).update();
        if (n == 0) {
            throw new StaffException("staff.error.unknown");
        }
        events.publishEvent(new CredentialsChanged(name));
        audit.record(enabled ? "staff.enable" : "staff.disable", name);
    }

    /** The stored hash, for the sign-in check only. */
    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM staff_account WHERE username = ? AND enabled = TRUE")
                .param(normalise(username)).query(String.class).optional();
    }

    static String normalise(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD) {
            throw new StaffException("staff.error.password");
        }
    }

    private static StaffAccount map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StaffAccount(new StaffId(rs.getObject("id", UUID.class)), rs.getString("username"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** A password or the enabled flag changed: cached API credentials of this user must go. */
    public record CredentialsChanged(String username) {
    }
}

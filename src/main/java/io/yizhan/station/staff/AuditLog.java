package io.yizhan.station.staff;

import io.yizhan.station.shared.AuditableAction;
import io.yizhan.station.shared.PersonalData;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: sign-ins and every privileged action, with who, what, when and the terminal.
 * Phone and ID numbers are masked before anything is stored.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityContextHolderStrategy security;

    AuditLog(JdbcClient jdbc, Clock clock, ObjectProvider<SecurityContextHolderStrategy> security) {
        this.jdbc = jdbc;
        this.clock = clock;
        // the same strategy method security uses (Vaadin's session-aware one in the running station)
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Records an action by the signed-in user at the current terminal. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String subject) {
        record(currentActor(), CurrentTerminal.name(), action, subject);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String terminal, String action, String subject) {
        jdbc.sql("INSERT INTO staff_audit (id, occurred_at, actor, terminal, action, subject) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UuidV7.next(clock), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        cut(PersonalData.mask(actor), 64), cut(terminal, 40), cut(action, 64),
                        cut(PersonalData.mask(subject), 400))
                .update();
    }

    /** Any module's privileged action, recorded in the same transaction that performed it. */
    @EventListener
    void on(AuditableAction action) {
        record(action.action(), action.subject());
    }

    /** Newest first. */
    public List<AuditEntry> latest(int offset, int limit) {
        return jdbc.sql("SELECT id, occurred_at, actor, terminal, action, subject FROM staff_audit ORDER BY occurred_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(offset, limit)
                .query((rs, i) -> new AuditEntry(rs.getObject("id", java.util.UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("terminal"), rs.getString("action"), rs.getString("subject")))
                .list();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_audit").query(Integer.class).single();
    }

    /** The signed-in user's name, or "anonymous". */
    public String currentActor() {
        Authentication auth = security.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

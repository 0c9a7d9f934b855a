package io.yizhan.station.sync;

import io.yizhan.station.shared.AuditableAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the station knows about its link to central, and what staff can do about quarantined events. */
@Service
public class Sync {

    /** Central counts as reachable when it answered within this long (the heartbeat is 15 s). */
    static final Duration ONLINE_WITHIN = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SyncProperties properties;
    private final ApplicationEventPublisher events;

    Sync(JdbcClient jdbc, Clock clock, SyncProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

    public SyncStatus status() {
        Instant now = clock.instant();
        record State(@Nullable Instant lastSuccess, @Nullable String error, int failures) {
        }
        State state = jdbc.sql("SELECT last_success_at, last_error, failures FROM sync_state WHERE name = 'central'")
                .query((rs, i) -> new State(instant(rs.getObject(1, OffsetDateTime.class)), rs.getString(2), rs.getInt(3))).single();
        record Queue(long pending, @Nullable Instant oldest, long quarantined) {
        }
        Queue q = jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM sync_outbox WHERE status = 'PENDING'),
                               (SELECT MIN(occurred_at) FROM sync_outbox WHERE status = 'PENDING'),
                               (SELECT COUNT(*) FROM sync_outbox WHERE status = 'QUARANTINED')""")
                .query((rs, i) -> new Queue(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class)), rs.getLong(3))).single();
        boolean online = properties.enabled() && state.failures() == 0 && state.lastSuccess() != null
                && Duration.between(state.lastSuccess(), now).compareTo(ONLINE_WITHIN) <= 0;
        long oldest = q.oldest() == null ? 0 : Math.max(0, Duration.between(q.oldest(), now).toSeconds());
        Instant cutOffSince = state.lastSuccess() != null ? state.lastSuccess() : q.oldest();
        boolean alarm = !online && cutOffSince != null && Duration.between(cutOffSince, now).compareTo(properties.offlineAlarm()) > 0;
        return new SyncStatus(online, q.pending(), oldest, state.lastSuccess(), q.quarantined(), state.error(), alarm);
    }

    public List<QuarantinedEvent> quarantined() {
        return jdbc.sql("""
                        SELECT id, type, aggregate_id, sequence_no, occurred_at, reason FROM sync_outbox
                        WHERE status = 'QUARANTINED' ORDER BY position""")
                .query((rs, i) -> new QuarantinedEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)))
                .list();
    }

    /** Sends a quarantined event again (e.g. after central was fixed); its aggregate flows again. */
    @Transactional
    public boolean retry(UUID id) {
        boolean retried = jdbc.sql("UPDATE sync_outbox SET status = 'PENDING', reason = NULL WHERE id = ? AND status = 'QUARANTINED'")
                .param(id).update() == 1;
        if (retried) {
            events.publishEvent(new AuditableAction("sync.retry", id.toString()));
        }
        return retried;
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}

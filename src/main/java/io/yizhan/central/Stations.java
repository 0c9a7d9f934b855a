package io.yizhan.central;

import io.yizhan.station.shared.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The stations central knows: their keys (SHA-256 only), last contact and counts. */
@Service
public class Stations {

    public record Summary(String id, String name, long eventsReceived, long duplicatesIgnored, @Nullable Instant lastEventAt,
                          @Nullable Instant lastContactAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Stations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers a station, or gives it a new key. */
    public void register(String id, String name, String key) {
        if (jdbc.sql("UPDATE central_station SET name = ?, key_sha256 = ? WHERE id = ?").params(name, Digests.sha256(key), id).update() == 0) {
            jdbc.sql("INSERT INTO central_station (id, name, key_sha256) VALUES (?, ?, ?)").params(id, name, Digests.sha256(key)).update();
        }
    }

    /** The station can no longer sign in (its key matches nothing); its data stays. */
    public void disable(String id) {
        jdbc.sql("UPDATE central_station SET key_sha256 = 'disabled' WHERE id = ?").param(id).update();
    }

    /** True when the station exists and the key is its key (compared in constant time). */
    public boolean verify(String id, String key) {
        Optional<String> stored = jdbc.sql("SELECT key_sha256 FROM central_station WHERE id = ?").param(id).query(String.class).optional();
        return stored.isPresent() && MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII),
                Digests.sha256(key).getBytes(StandardCharsets.US_ASCII));
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM central_station WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }

    void contacted(String id) {
        jdbc.sql("UPDATE central_station SET last_contact_at = ? WHERE id = ?").params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id)
                .update();
    }

    void duplicates(String id, int n) {
        if (n > 0) {
            jdbc.sql("UPDATE central_station SET duplicates_ignored = duplicates_ignored + ? WHERE id = ?").params(n, id).update();
        }
    }

    private static final String SUMMARY = """
            SELECT s.id, s.name, s.duplicates_ignored, s.last_contact_at,
                   (SELECT COUNT(*) FROM central_event e WHERE e.station_id = s.id) AS received,
                   (SELECT MAX(e.received_at) FROM central_event e WHERE e.station_id = s.id) AS last_event
            FROM central_station s""";

    public Optional<Summary> summary(String id) {
        return jdbc.sql(SUMMARY + " WHERE s.id = ?").param(id).query(Stations::summary).optional();
    }

    public List<Summary> all() {
        return jdbc.sql(SUMMARY + " ORDER BY s.id").query(Stations::summary).list();
    }

    private static Summary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Summary(rs.getString("id"), rs.getString("name"), rs.getLong("received"), rs.getLong("duplicates_ignored"),
                instant(rs.getObject("last_event", OffsetDateTime.class)), instant(rs.getObject("last_contact_at", OffsetDateTime.class)));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}

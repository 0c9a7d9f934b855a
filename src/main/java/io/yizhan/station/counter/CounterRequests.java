package io.yizhan.station.counter;

import io.yizhan.station.counter.internal.StaffCallAlerts;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The counter's request queue, an extension point of the counter shell: any module puts a numbered
 * request on every signed-in counter screen (the resident is told the number); a clerk takes it —
 * it leaves every other screen — and marks it done. Numbers start at 1 each station day.
 */
@Service
public class CounterRequests {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StationTime time;
    private final StaffCallAlerts alerts;

    CounterRequests(JdbcClient jdbc, Clock clock, StationTime time, StaffCallAlerts alerts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.time = time;
        this.alerts = alerts;
        alerts.requestQueue(this::waiting, this::take);
    }

    /** Puts a request on the queue and on every counter screen; answers it with its number. */
    public CounterRequest post(String kind, String detail, String fromTerminal, @Nullable String route) {
        Instant now = clock.instant();
        LocalDate day = time.date(now);
        for (int tries = 0; ; tries++) {
            int number = jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM counter_request WHERE request_day = ?").param(day)
                    .query(Integer.class).single();
            UUID id = UuidV7.next(clock);
            try {
                jdbc.sql("""
                                INSERT INTO counter_request (id, request_day, number, kind, detail, from_terminal, route, posted_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, day, number, kind, detail.length() > 200 ? detail.substring(0, 200) : detail, fromTerminal, route,
                                OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .update();
                CounterRequest request = new CounterRequest(id, number, kind, detail, fromTerminal, route, now, null);
                alerts.showRequest(request);
                return request;
            } catch (DuplicateKeyException raced) {
                if (tries > 20) {
                    throw raced;
                }
            }
        }
    }

    /** Requests nobody has taken yet, oldest first. */
    public List<CounterRequest> waiting() {
        return jdbc.sql("SELECT * FROM counter_request WHERE taken_at IS NULL ORDER BY posted_at").query(CounterRequests::request).list();
    }

    /** Requests taken but not yet done. */
    public List<CounterRequest> inHand() {
        return jdbc.sql("SELECT * FROM counter_request WHERE taken_at IS NOT NULL AND done_at IS NULL ORDER BY posted_at")
                .query(CounterRequests::request).list();
    }

    /** A clerk takes the request: it leaves every counter screen. False if someone else took it first. */
    public boolean take(UUID id, String clerk) {
        boolean mine = jdbc.sql("UPDATE counter_request SET taken_by = ?, taken_at = ? WHERE id = ? AND taken_at IS NULL")
                .params(clerk, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id).update() == 1;
        alerts.withdrawRequest(id);
        return mine;
    }

    public void done(UUID id) {
        jdbc.sql("UPDATE counter_request SET done_at = ? WHERE id = ? AND done_at IS NULL")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id).update();
        alerts.withdrawRequest(id);
    }

    private static CounterRequest request(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CounterRequest(rs.getObject("id", UUID.class), rs.getInt("number"), rs.getString("kind"), rs.getString("detail"),
                rs.getString("from_terminal"), rs.getString("route"), rs.getObject("posted_at", OffsetDateTime.class).toInstant(),
                rs.getString("taken_by"));
    }
}

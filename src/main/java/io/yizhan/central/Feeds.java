package io.yizhan.central;

import io.yizhan.contract.FeedItem;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-station feeds the stations pull by cursor: courier manifests, notification results, and any
 * later feed (catalog, prices, order status) through the same table and endpoint.
 */
@Service
public class Feeds {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Feeds(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Adds an item to a station's feed. Call it inside a transaction: the station's row is locked
     * first, so a station's items commit in cursor order and a pull can never skip one that commits
     * later with a smaller cursor.
     */
    public void publish(String stationId, String feed, String key, JsonNode payload) {
        jdbc.sql("SELECT id FROM central_station WHERE id = ? FOR UPDATE").param(stationId).query(String.class).single();
        jdbc.sql("INSERT INTO central_feed (station_id, feed, item_key, payload, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(stationId, feed, key, payload.toString(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    public List<FeedItem> read(String stationId, String feed, long after, int limit) {
        return jdbc.sql("""
                        SELECT cursor_no, item_key, payload FROM central_feed
                        WHERE station_id = ? AND feed = ? AND cursor_no > ? ORDER BY cursor_no FETCH FIRST ? ROWS ONLY""")
                .params(stationId, feed, after, limit)
                .query((rs, i) -> new FeedItem(feed, rs.getLong(1), rs.getString(2), json.readTree(rs.getString(3)))).list();
    }
}

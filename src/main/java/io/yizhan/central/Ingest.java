package io.yizhan.central;

import io.yizhan.contract.EventEnvelope;
import io.yizhan.contract.EventResult;
import io.yizhan.contract.EventTypes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores each station event exactly once. The event id is the idempotency key, settled by the
 * database's unique constraint: the same id with the same body gets the first answer replayed
 * (ACCEPTED, {@code replayed}; no second effect, counted as a duplicate ignored); the same id with another body is REJECTED. Each event is its own transaction,
 * so one bad event never holds back the other aggregates in its batch; the later events of its own
 * aggregate in the batch are HELD, not stored, so each aggregate's events stay in order.
 */
@Service
public class Ingest {

    static final int MAX_PAYLOAD = 20_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Stations stations;
    private final Clock clock;
    private final Notifications notifications;
    private final CentralListings listings;

    private final CentralShop shop;

    Ingest(JdbcClient jdbc, TransactionTemplate tx, Stations stations, Clock clock, Notifications notifications, CentralListings listings,
           CentralShop shop) {
        this.shop = shop;
        this.listings = listings;
        this.jdbc = jdbc;
        this.tx = tx;
        this.stations = stations;
        this.clock = clock;
        this.notifications = notifications;
    }

    /**
     * Stores a station's batch, each event in its own transaction; the answer is the station's
     * acknowledgement, so the batch's commits are forced to the device together, once, before it.
     */
    public List<EventResult> accept(String stationId, List<EventEnvelope> events) {
        return io.yizhan.station.shared.DurableStorage.batched(() -> acceptEach(stationId, events));
    }

    private List<EventResult> acceptEach(String stationId, List<EventEnvelope> events) {
        stations.contacted(stationId);
        List<EventResult> results = new ArrayList<>(events.size());
        int duplicates = 0;
        java.util.Set<String> refused = new java.util.HashSet<>();
        for (EventEnvelope e : events) {
            if (e.aggregateId() != null && refused.contains(e.aggregateId())) {
                results.add(new EventResult(e.id(), EventResult.Status.HELD, "an earlier event of " + e.aggregateId() + " was rejected"));
                continue;
            }
            EventResult r = one(stationId, e);
            if (r.status() == EventResult.Status.REJECTED && e.aggregateId() != null) {
                refused.add(e.aggregateId());
            }
            if (r.replayed()) {
                duplicates++;
            }
            results.add(r);
        }
        stations.duplicates(stationId, duplicates);
        return results;
    }

    private EventResult one(String stationId, EventEnvelope e) {
        String invalid = invalid(stationId, e);
        if (invalid != null) {
            return new EventResult(e.id(), EventResult.Status.REJECTED, invalid);
        }
        String payload = e.payload().toString();
        String body = io.yizhan.station.shared.Digests.sha256(e.type() + "|" + e.version() + "|" + e.aggregateId() + "|" + e.sequence() + "|" + e.occurredAt()
                + "|" + payload);
        try {
            tx.executeWithoutResult(status -> {
                // a station's events commit in arrival order, so paging by arrival never skips one
                jdbc.sql("SELECT id FROM central_station WHERE id = ? FOR UPDATE").param(stationId).query(String.class).single();
                jdbc.sql("""
                                INSERT INTO central_event (id, station_id, type, version, aggregate_id, sequence_no, occurred_at, received_at,
                                                           payload, body_sha256)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(e.id(), stationId, e.type(), e.version(), e.aggregateId(), e.sequence(),
                                OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                                payload, body)
                        .update();
                // what the event sets in motion at central commits with it, exactly once
                if (e.type().equals("NotificationRequested")) {
                    notifications.requested(stationId, e);
                } else if (e.type().equals("LotListed")) {
                    listings.received(stationId, e);
                } else if (e.type().equals("OnlineOrderShipped") || e.type().equals("OnlineOrderCancelled")) {
                    listings.orderUpdated(e);
                } else if (e.type().equals("AfterSalesRequested")) {
                    shop.afterSalesRequested(stationId, e.payload());
                } else if (e.type().equals("OrderArrived") || e.type().equals("OrderReceived")) {
                    shop.reported(stationId, e.payload().path("orderNo").asString(""), e.type().equals("OrderArrived") ? "ARRIVED" : "RECEIVED");
                }
            });
            return new EventResult(e.id(), EventResult.Status.ACCEPTED, null);
        } catch (DuplicateKeyException seen) {
            Optional<String> first = jdbc.sql("SELECT body_sha256 FROM central_event WHERE id = ?").param(e.id()).query(String.class).optional();
            if (first.isPresent() && first.get().equals(body)) {
                return new EventResult(e.id(), EventResult.Status.ACCEPTED, null, true);
            }
            return new EventResult(e.id(), EventResult.Status.REJECTED, "event id " + e.id() + " was already used with a different body");
        } catch (org.springframework.dao.DataIntegrityViolationException | IllegalArgumentException | ClassCastException bad) {
            // a value the database or a follow-up refuses: this event is refused, the rest of the batch goes on
            return new EventResult(e.id(), EventResult.Status.REJECTED, "central could not store it: " + bad.getClass().getSimpleName());
        }
    }

    private static @org.jspecify.annotations.Nullable String invalid(String stationId, EventEnvelope e) {
        if (e.id() == null || e.id().version() != 7) {
            return "the event id must be a UUIDv7";
        }
        if (!stationId.equals(e.stationId())) {
            return "the event belongs to station " + e.stationId() + ", not " + stationId;
        }
        if (e.type() == null || !e.type().matches("[A-Z][A-Za-z0-9]{1,63}")) {
            return "the event type is missing or not a type name";
        }
        if (!EventTypes.known(e.type(), e.version())) {
            return "unknown event type " + e.type() + " version " + e.version();
        }
        if (e.aggregateId() == null || e.aggregateId().isBlank() || e.aggregateId().length() > 64) {
            return "the aggregate id is missing or longer than 64";
        }
        if (e.sequence() < 1) {
            return "the sequence must be 1 or more";
        }
        if (e.occurredAt() == null) {
            return "occurredAt is missing";
        }
        if (e.payload() == null || !e.payload().isObject() || e.payload().toString().length() > MAX_PAYLOAD) {
            return "the payload must be a JSON object of at most " + MAX_PAYLOAD + " characters";
        }
        if (e.type().equals("NotificationRequested") && !(e.payload().path("notificationId").asString("").matches(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                && e.payload().path("phone").asString("").matches("1\\d{10}") && e.payload().path("text").isString()
                && e.payload().path("text").asString().length() <= 500)) {
            return "a NotificationRequested needs notificationId, an 11-digit mobile phone and a text of at most 500 characters";
        }
        if (e.type().equals("LotListed") && !(e.payload().path("listingId").asString("").matches(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                && e.payload().path("title").asString("").length() <= 60 && !e.payload().path("title").asString("").isBlank()
                && e.payload().path("description").asString("").length() <= 2_000 && e.payload().path("priceFen").asLong(0) > 0
                && e.payload().path("quantity").asLong(0) > 0 && e.payload().path("harvestedOn").asString("").matches("\\d{4}-\\d{2}-\\d{2}"))) {
            return "a LotListed needs listingId, a title of at most 60 characters, a description of at most 2,000, a price, a quantity and harvestedOn";
        }
        return null;
    }

    /** A station's events in arrival order after the one with this id (or from the start). */
    public List<StoredEvent> after(String stationId, @org.jspecify.annotations.Nullable UUID after, int limit) {
        long from = after == null ? 0
                : jdbc.sql("SELECT arrival FROM central_event WHERE id = ? AND station_id = ?").params(after, stationId).query(Long.class)
                        .optional().orElse(Long.MAX_VALUE);
        return jdbc.sql("""
                        SELECT id, type, aggregate_id, occurred_at, received_at FROM central_event
                        WHERE station_id = ? AND arrival > ? ORDER BY arrival FETCH FIRST ? ROWS ONLY""")
                .params(stationId, from, limit)
                .query((rs, i) -> new StoredEvent(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("aggregate_id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public record StoredEvent(UUID id, String type, String aggregateId, java.time.Instant occurredAt, java.time.Instant receivedAt) {
    }
}

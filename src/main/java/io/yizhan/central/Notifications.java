package io.yizhan.central;

import io.yizhan.contract.EventEnvelope;
import io.yizhan.contract.FeedItem;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text messages stations ask for ({@code NotificationRequested}): queued in the transaction that
 * stores the event, sent through the {@link SmsProvider}, and their result (SENT or FAILED with the
 * reason) published on the station's {@code notification-results} feed.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    public record Sms(UUID id, String stationId, String phone, String text, String status, @Nullable String reason, Instant createdAt) {

        /** The phone as operators see it: 138****5678. */
        public String maskedPhone() {
            return phone.contains("*") ? phone : io.yizhan.station.shared.PersonalData.maskPhone(phone);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SmsProvider provider;
    private final Feeds feeds;
    private final JsonMapper json;
    private final Clock clock;

    Notifications(JdbcClient jdbc, TransactionTemplate tx, SmsProvider provider, Feeds feeds, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.provider = provider;
        this.feeds = feeds;
        this.json = json;
        this.clock = clock;
    }

    /** Called inside the transaction that stores a NotificationRequested event. */
    void requested(String stationId, EventEnvelope e) {
        var p = e.payload();
        jdbc.sql("INSERT INTO central_sms (id, station_id, phone, text, status, created_at) VALUES (?, ?, ?, ?, 'PENDING', ?)")
                .params(UUID.fromString(p.get("notificationId").asString()), stationId, p.get("phone").asString(), p.get("text").asString(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    /**
     * Sends what is queued. Each message is first claimed (PENDING → SENDING, a guarded update), so
     * several central replicas never send one message twice; then sent; then its result and the
     * feed item for the station are stored in one transaction. A claim left by a crash is released
     * after five minutes: the message may then go twice, never not at all.
     */
    @Scheduled(fixedDelayString = "${yizhan.central.sms.every:PT2S}")
    public void sendPending() {
        OffsetDateTime stale = OffsetDateTime.ofInstant(clock.instant().minus(java.time.Duration.ofMinutes(5)), ZoneOffset.UTC);
        jdbc.sql("UPDATE central_sms SET status = 'PENDING', claimed_at = NULL WHERE status = 'SENDING' AND claimed_at < ?").param(stale)
                .update();
        List<Sms> pending = jdbc.sql(SELECT + " WHERE status = 'PENDING' ORDER BY created_at FETCH FIRST 100 ROWS ONLY").query(Notifications::map)
                .list();
        for (Sms sms : pending) {
            if (jdbc.sql("UPDATE central_sms SET status = 'SENDING', claimed_at = ? WHERE id = ? AND status = 'PENDING'")
                    .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), sms.id()).update() == 0) {
                continue;
            }
            String status;
            String reason = null;
            try {
                provider.send(sms.phone(), sms.text());
                status = "SENT";
            } catch (SmsProvider.Undeliverable e) {
                status = "FAILED";
                reason = e.getMessage() == null ? "undeliverable" : e.getMessage().length() > 200 ? e.getMessage().substring(0, 200) : e.getMessage();
            } catch (RuntimeException e) {
                log.warn("SMS provider failed; will try again", e);
                jdbc.sql("UPDATE central_sms SET status = 'PENDING', claimed_at = NULL WHERE id = ?").param(sms.id()).update();
                return;
            }
            String finalStatus = status;
            String finalReason = reason;
            Instant now = clock.instant();
            tx.executeWithoutResult(t -> {
                if (jdbc.sql("UPDATE central_sms SET status = ?, reason = ?, sent_at = ? WHERE id = ? AND status = 'SENDING'")
                        .params(finalStatus, finalReason, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), sms.id()).update() == 1) {
                    var result = json.createObjectNode().put("notificationId", sms.id().toString()).put("status", finalStatus)
                            .put("reason", finalReason).put("at", now.toString());
                    feeds.publish(sms.stationId(), FeedItem.NOTIFICATION_RESULTS, sms.id().toString(), result);
                }
            });
        }
    }

    public List<Sms> recent(int limit) {
        return jdbc.sql(SELECT + " ORDER BY created_at DESC FETCH FIRST ? ROWS ONLY").param(limit).query(Notifications::map).list();
    }

    private static final String SELECT = "SELECT id, station_id, phone, text, status, reason, created_at FROM central_sms";

    private static Sms map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Sms(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, OffsetDateTime.class).toInstant());
    }
}

package io.yizhan.station.parcels.internal;

import io.yizhan.contract.FeedItem;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What central sends the parcels module: courier manifests (a waybill's recipient phone, so a
 * check-in needs only the scan) and the results of the text messages it sent. Applied by key, so
 * an item pulled twice changes nothing the second time; called in the transaction that moves the
 * feed's cursor.
 */
@Component
public class Manifests {

    private final JdbcClient jdbc;
    private final Clock clock;

    Manifests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(FeedItem item) {
        switch (item.feed()) {
            case FeedItem.MANIFESTS -> manifest(item);
            case FeedItem.NOTIFICATION_RESULTS -> result(item);
            default -> {
                // not for parcels
            }
        }
    }

    private void manifest(FeedItem item) {
        String waybill = item.payload().path("waybill").asString("");
        String phone = item.payload().path("phone").asString("");
        if (!waybill.matches("[A-Z0-9-]{8,32}") || !phone.matches("1\\d{10}")) {
            return;
        }
        String courier = item.payload().path("courier").isString() ? item.payload().path("courier").asString() : null;
        if (courier != null && !courier.matches("[A-Z0-9_-]{1,16}")) {
            courier = null;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (jdbc.sql("UPDATE parcels_manifest SET courier = ?, phone = ?, received_at = ? WHERE waybill = ?")
                .params(courier, phone, now, waybill).update() == 0) {
            jdbc.sql("INSERT INTO parcels_manifest (waybill, courier, phone, received_at) VALUES (?, ?, ?, ?)")
                    .params(waybill, courier, phone, now).update();
        }
    }

    private void result(FeedItem item) {
        String id = item.payload().path("notificationId").asString("");
        String status = item.payload().path("status").asString("");
        if (!status.equals("SENT") && !status.equals("FAILED")) {
            return;
        }
        String reason = item.payload().path("reason").isString() ? item.payload().path("reason").asString() : null;
        Instant at = Instant.parse(item.payload().path("at").asString(clock.instant().toString()));
        try {
            jdbc.sql("UPDATE parcels_notification SET status = ?, reason = ?, result_at = ? WHERE id = ?")
                    .params(status, reason == null || reason.length() <= 200 ? reason : reason.substring(0, 200),
                            OffsetDateTime.ofInstant(at, ZoneOffset.UTC), UUID.fromString(id))
                    .update();
        } catch (IllegalArgumentException notAnId) {
            // nothing of ours
        }
    }

    /** The recipient's phone from the manifest for this waybill (upper-cased). */
    public Optional<String> phone(String waybill) {
        return jdbc.sql("SELECT phone FROM parcels_manifest WHERE waybill = ?").param(waybill).query(String.class).optional();
    }
}

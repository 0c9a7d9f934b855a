package io.yizhan.station.parcels.internal;

import io.yizhan.station.parcels.NotificationRequested;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.shared.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues a text message for a recipient: a PENDING {@code parcels_notification} and a
 * {@link NotificationRequested} for central, in the caller's transaction. The result comes back on
 * central's notification-results feed.
 */
@Component
public class NotificationQueue {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final StationProperties station;
    private final Couriers couriers;

    NotificationQueue(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, StationProperties station, Couriers couriers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.station = station;
        this.couriers = couriers;
    }

    /** The parcel arrived: courier, pickup code, where to collect it. */
    public void checkedIn(UUID parcelId, String phone, String courier, String code) {
        queue(parcelId, "CHECKED_IN", phone, Translations.translate("parcels.sms.checked-in", Translations.SIMPLIFIED,
                station.station().name(), couriers.name(courier), code));
    }

    /** The parcel is still waiting, for this many days. */
    public void reminder(UUID parcelId, int n, String phone, String code, long days) {
        queue(parcelId, "REMINDER_" + n, phone, Translations.translate("parcels.sms.reminder", Translations.SIMPLIFIED,
                station.station().name(), code, days));
    }

    private void queue(UUID parcelId, String kind, String phone, String text) {
        UUID id = UuidV7.next(clock);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO parcels_notification (id, parcel_id, kind, phone, status, created_at) VALUES (?, ?, ?, ?, 'PENDING', ?)")
                .params(id, parcelId, kind, phone, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        events.publishEvent(new NotificationRequested(UuidV7.next(clock), id, parcelId, kind, phone, text, now));
    }
}

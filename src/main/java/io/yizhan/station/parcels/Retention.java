package io.yizhan.station.parcels;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.parcels.internal.HandoverList;
import io.yizhan.station.parcels.internal.NotificationQueue;
import io.yizhan.station.parcels.internal.ParcelsProperties;
import io.yizhan.station.parcels.internal.ShelfSlots;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 滞留件: reminders to the recipient on the configured days in store (each once), the list of
 * parcels due back to their courier (after {@code return-days}, cold-chain after
 * {@code cold-return-hours}), returns by scan, and the per-courier hand-over list with a signature
 * line.
 */
@Service
public class Retention {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ParcelsProperties rules;
    private final Parcels parcels;
    private final ShelfSlots slots;
    private final PrintQueue printing;
    private final AuditLog audit;
    private final StationProperties station;
    private final StationTime time;
    private final ApplicationEventPublisher events;
    private final NotificationQueue notifications;

    Retention(JdbcClient jdbc, Clock clock, ParcelsProperties rules, Parcels parcels, ShelfSlots slots, PrintQueue printing,
              AuditLog audit, StationProperties station, StationTime time, ApplicationEventPublisher events, NotificationQueue notifications) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
        this.parcels = parcels;
        this.slots = slots;
        this.printing = printing;
        this.audit = audit;
        this.station = station;
        this.time = time;
        this.events = events;
    }

    /** Queues the reminders that are due; each parcel gets each reminder once. Returns how many. */
    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
    @Transactional
    public int sendReminders() {
        Instant now = clock.instant();
        int sent = 0;
        for (int i = 0; i < rules.reminderDays().size(); i++) {
            Instant due = now.minus(Duration.ofDays(rules.reminderDays().get(i)));
            record Due(UUID id, String phone, String code) {
            }
            List<Due> parcelsDue = jdbc.sql("""
                            SELECT id, phone, pickup_code FROM parcels_parcel
                            WHERE status = 'IN_STORE' AND reminders_sent = ? AND checked_in_at <= ? AND phone IS NOT NULL""")
                    .params(i, ts(due)).query((rs, r) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
            for (Due d : parcelsDue) {
                if (jdbc.sql("UPDATE parcels_parcel SET reminders_sent = ? WHERE id = ? AND reminders_sent = ?")
                        .params(i + 1, d.id(), i).update() == 1) {
                    notifications.reminder(d.id(), i + 1, d.phone(), d.code(), rules.reminderDays().get(i));
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Parcels in store past their return time, oldest first. */
    public List<Parcel> overdue() {
        Instant now = clock.instant();
        List<UUID> ids = jdbc.sql("""
                        SELECT id FROM parcels_parcel WHERE status = 'IN_STORE'
                          AND ((cold = FALSE AND checked_in_at <= ?) OR (cold = TRUE AND checked_in_at <= ?))
                        ORDER BY checked_in_at, id""")
                .params(ts(now.minus(Duration.ofDays(rules.returnDays()))), ts(now.minus(Duration.ofHours(rules.coldReturnHours()))))
                .query(UUID.class).list();
        return ids.stream().map(id -> parcels.find(id).orElseThrow()).toList();
    }

    /** A scanned parcel goes back to its courier: it leaves the station as RETURNED. */
    @Transactional
    public Parcel returnToCourier(String scannedWaybill) {
        String waybill = Parcels.waybill(scannedWaybill);
        UUID id = jdbc.sql("SELECT id FROM parcels_parcel WHERE active_waybill = ?").param(waybill).query(UUID.class).optional()
                .orElseThrow(() -> new ParcelRefused("NOT_FOUND", "parcels.error.not-in-store"));
        Parcel parcel = parcels.find(id).orElseThrow();
        Instant now = clock.instant();
        int n = jdbc.sql("""
                        UPDATE parcels_parcel SET status = 'RETURNED', active_code = NULL, active_waybill = NULL, left_at = ?, left_by = ?
                        WHERE id = ? AND status = 'IN_STORE'""")
                .params(ts(now), audit.currentActor(), id).update();
        if (n == 0) {
            throw new ParcelRefused("ALREADY_OUT", "parcels.error.not-in-store");
        }
        slots.release(parcel.shelf(), parcel.layer());
        events.publishEvent(new ParcelReturned(UuidV7.next(clock), id, parcel.courier(), CurrentTerminal.name(), now));
        return parcels.find(id).orElseThrow();
    }

    /** Prints the hand-over list for one courier's returned parcels, with a line for the courier to sign. */
    @Transactional
    public void printHandoverList(String courier, List<Parcel> returned) {
        var doc = HandoverList.of("return-list", station.station().name(),
                Translations.translate("parcels.returns.list.title", Translations.SIMPLIFIED, courier), time.dateTime(clock.instant()),
                returned.stream().map(p -> p.waybill() + "  " + p.pickupCode()).toList(), audit.currentActor());
        printing.printAt(CurrentTerminal.name(), DeviceKind.RECEIPT_PRINTER, doc);
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

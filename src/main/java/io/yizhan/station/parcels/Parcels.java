package io.yizhan.station.parcels;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.parcels.internal.Counters;
import io.yizhan.station.parcels.internal.Couriers;
import io.yizhan.station.parcels.internal.Manifests;
import io.yizhan.station.parcels.internal.NotificationQueue;
import io.yizhan.station.parcels.internal.ShelfSlots;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.shared.PersonalData;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parcels received, stored and handed over. Check-in validates the waybill and phone, recognises
 * the courier, takes the least-filled shelf layer, gives a pickup code unique in the station,
 * queues the shelf label and a notification for the recipient, and publishes
 * {@link ParcelCheckedIn} — all in one transaction. Uniqueness and capacity are settled by the
 * database.
 */
@Service
public class Parcels {

    static final Pattern WAYBILL = Pattern.compile("[A-Z0-9-]{8,32}");
    static final Pattern MOBILE = Pattern.compile("1\\d{10}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Couriers couriers;
    private final ShelfSlots slots;
    private final PrintQueue printing;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Payments payments;
    private final NotificationQueue notifications;
    private final Manifests manifests;
    private final Counters counters;

    private final org.springframework.beans.factory.ObjectProvider<ExpectedParcels> expectations;

    Parcels(JdbcClient jdbc, Clock clock, Couriers couriers, ShelfSlots slots, PrintQueue printing, AuditLog audit,
            ApplicationEventPublisher events, Payments payments, NotificationQueue notifications, Manifests manifests, Counters counters,
            org.springframework.beans.factory.ObjectProvider<ExpectedParcels> expectations) {
        this.expectations = expectations;
        this.counters = counters;
        this.payments = payments;
        this.notifications = notifications;
        this.manifests = manifests;
        this.jdbc = jdbc;
        this.clock = clock;
        this.couriers = couriers;
        this.slots = slots;
        this.printing = printing;
        this.audit = audit;
        this.events = events;
    }

    /** Upper-cases and trims a typed or scanned waybill; refuses one that cannot be a waybill. */
    public static String waybill(String raw) {
        String w = raw.strip().toUpperCase(Locale.ROOT);
        if (!WAYBILL.matcher(w).matches()) {
            throw new ParcelRefused("BAD_WAYBILL", "parcels.error.waybill");
        }
        return w;
    }

    /** True for a Chinese mobile number as typed (spaces and dashes allowed). */
    public static boolean isMobile(String raw) {
        return MOBILE.matcher(raw.replaceAll("[\\s-]", "")).matches();
    }

    static String phone(String raw) {
        String digits = raw.replaceAll("[\\s-]", "");
        if (!MOBILE.matcher(digits).matches()) {
            throw new ParcelRefused("BAD_PHONE", "parcels.error.phone");
        }
        return digits;
    }

    @Transactional
    public Parcel checkIn(CheckIn request) {
        String waybill = waybill(request.waybill());
        String phone = request.phone().isBlank() ? manifests.phone(waybill).or(() -> expected(waybill).map(ExpectedParcels.Expected::phone))
                .orElseThrow(() -> new ParcelRefused("BAD_PHONE", "parcels.error.phone")) : phone(request.phone());
        String courier = request.courier() == null || request.courier().isBlank()
                ? couriers.recognise(waybill) : request.courier().strip().toUpperCase(Locale.ROOT);
        if (!couriers.known(courier)) {
            throw new ParcelRefused("BAD_COURIER", "parcels.error.courier");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM parcels_parcel WHERE active_waybill = ?").param(waybill).query(Integer.class).single() > 0) {
            throw new ParcelRefused("DUPLICATE_WAYBILL", "parcels.error.duplicate");
        }
        ShelfSlots.Slot slot = slots.take(request.cold()).orElseThrow(() -> new ParcelRefused("STATION_FULL", "parcels.error.full"));
        String code = freeCode(slot);
        UUID id = UuidV7.next(clock);
        Instant now = clock.instant();
        String terminal = CurrentTerminal.name();
        SizeClass size = request.size() == null ? SizeClass.SMALL : request.size();
        if (request.codFen() != null && (request.codFen() < 0 || request.codFen() > 10_000_000)) {
            throw new ParcelRefused("BAD_AMOUNT", "parcels.error.amount");
        }
        try {
            jdbc.sql("""
                            INSERT INTO parcels_parcel (id, waybill, active_waybill, courier, phone, phone_tail, size_class, cold,
                                shelf, layer, pickup_code, active_code, status, damage_note, checked_in_at, checked_in_by, terminal, cod_fen)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IN_STORE', ?, ?, ?, ?, ?)""")
                    .params(id, waybill, waybill, courier, phone, phone.substring(7), size.name(), request.cold(),
                            slot.shelf(), slot.layer(), code, digits(code), blankToNull(request.damageNote()),
                            ts(now), audit.currentActor(), terminal,
                            request.codFen() == null || request.codFen() == 0 ? null : request.codFen())
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ParcelRefused("DUPLICATE_WAYBILL", "parcels.error.duplicate");
        }
        printing.printAt(terminal, DeviceKind.LABEL_PRINTER, shelfLabel(code, waybill, courier));
        events.publishEvent(new ParcelCheckedIn(UuidV7.next(clock), id, waybill, courier, code, terminal, now));
        notifications.checkedIn(id, phone, courier, code);
        return get(id);
    }

    /** The shelf label: the pickup code large, and a QR code of code and waybill. */
    static PrintDocument shelfLabel(String code, String waybill, String courier) {
        return PrintDocument.builder("shelf-label").center().huge(code).qr(code + " " + waybill, 12)
                .text(courier + " " + waybill).build();
    }

    /** The next running number that makes a code no parcel in the station has. */
    private String freeCode(ShelfSlots.Slot slot) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            long value = counters.nextPickupNumber();
            String code = slot.shelf() + "-" + slot.layer() + "-" + String.format("%04d", value % 10_000);
            if (jdbc.sql("SELECT COUNT(*) FROM parcels_parcel WHERE active_code = ?").param(digits(code)).query(Integer.class).single() == 0) {
                return code;
            }
        }
        throw new ParcelRefused("STATION_FULL", "parcels.error.full");
    }

    /** A pickup code as typed, with or without dashes, reduced to its digits. */
    public static String digits(String code) {
        return code.replaceAll("\\D", "");
    }

    public Optional<Parcel> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Parcels::map).optional();
    }

    private Parcel get(UUID id) {
        return find(id).orElseThrow();
    }

    /** The parcel in store with this pickup code (dashes optional). */
    public Optional<Parcel> byCode(String code) {
        String d = digits(code);
        if (d.length() < 6) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE active_code = ?").param(d).query(Parcels::map).optional();
    }

    /** The recipient's phone from the courier's manifest (or another module that expects it), masked, when the station knows it. */
    public Optional<String> manifestPhone(String waybill) {
        String w = waybill.strip().toUpperCase(Locale.ROOT);
        return manifests.phone(w).or(() -> expected(w).map(ExpectedParcels.Expected::phone)).map(PersonalData::maskPhone);
    }

    /** What another module knows of this waybill before check-in (an order placed for a resident), masked. */
    public Optional<ExpectedParcels.Expected> expectedNote(String waybill) {
        return expected(waybill.strip().toUpperCase(Locale.ROOT));
    }

    private Optional<ExpectedParcels.Expected> expected(String waybill) {
        return expectations.orderedStream().map(e -> e.expected(waybill)).flatMap(Optional::stream).findFirst();
    }

    /** Every parcel in store for the same recipient as this one (the code proves the phone). */
    public List<Parcel> sameRecipient(UUID parcelId) {
        return jdbc.sql(SELECT + " WHERE status = 'IN_STORE' AND phone = (SELECT phone FROM parcels_parcel WHERE id = ?) ORDER BY checked_in_at, id")
                .param(parcelId).query(Parcels::map).list();
    }

    /** Parcels in store for this full phone number, found through its last four digits. */
    public List<Parcel> byPhone(String tail, String fullPhone) {
        String digits = fullPhone.replaceAll("\\D", "");
        if (!tail.matches("\\d{4}") || !digits.endsWith(tail)) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE phone_tail = ? AND phone = ? AND status = 'IN_STORE' ORDER BY checked_in_at, id")
                .params(tail, digits).query(Parcels::map).list();
    }

    /** Every parcel in store on a shelf (0 = the overflow area), by layer and code. */
    public List<Parcel> onShelf(int shelf) {
        return jdbc.sql(SELECT + " WHERE shelf = ? AND status = 'IN_STORE' ORDER BY layer, pickup_code").param(shelf)
                .query(Parcels::map).list();
    }

    /** Parcels in store for a phone's last four digits. */
    public List<Parcel> byPhoneTail(String tail) {
        return jdbc.sql(SELECT + " WHERE phone_tail = ? AND status = 'IN_STORE' ORDER BY checked_in_at, id").param(tail)
                .query(Parcels::map).list();
    }

    /** Every parcel with this waybill, newest first (a waybill may come back after a return). */
    public List<Parcel> byWaybill(String waybill) {
        return jdbc.sql(SELECT + " WHERE waybill = ? ORDER BY checked_in_at DESC, id DESC").param(waybill.strip().toUpperCase(Locale.ROOT))
                .query(Parcels::map).list();
    }

    public List<Parcel> byStatus(ParcelStatus status, int limit) {
        return jdbc.sql(SELECT + " WHERE status = ? ORDER BY checked_in_at DESC, id DESC FETCH FIRST ? ROWS ONLY").params(status.name(), limit)
                .query(Parcels::map).list();
    }

    /**
     * Hands a parcel over; a second pickup is refused with the time of the first, and a
     * cash-on-delivery parcel is refused until it is paid ({@link #payAndPickUp}).
     */
    @Transactional
    public Parcel pickUp(UUID id, @Nullable String proxyName, @Nullable String proxyPhone) {
        Parcel parcel = find(id).orElseThrow(() -> new ParcelRefused("NOT_FOUND", "parcels.error.not-found"));
        if (parcel.cashOnDelivery() && parcel.status() == ParcelStatus.IN_STORE && !paid(id)) {
            throw new ParcelRefused("COD_UNPAID", "parcels.error.cod-unpaid");
        }
        return release(parcel, proxyName, proxyPhone);
    }

    /** At the counter: takes the cash-on-delivery amount in cash (with a receipt), then hands the parcel over. */
    @Transactional
    public Parcel payAndPickUp(UUID id, @Nullable String proxyName, @Nullable String proxyPhone) {
        Parcel parcel = find(id).orElseThrow(() -> new ParcelRefused("NOT_FOUND", "parcels.error.not-found"));
        if (parcel.status() != ParcelStatus.IN_STORE) {
            throw new AlreadyOut(parcel.leftAt());
        }
        if (parcel.cashOnDelivery() && !paid(id)) {
            var payment = payments.takeCash("PARCEL_COD", parcel.codFen(), codPurpose(parcel));
            jdbc.sql("UPDATE parcels_parcel SET payment_id = ? WHERE id = ?").params(payment.id(), id).update();
        }
        return release(parcel, proxyName, proxyPhone);
    }

    /**
     * At the kiosk: the cash-on-delivery amount was paid with a payment code through the pay step; the
     * payment (succeeded, of exactly that amount, for no other parcel) is recorded and the parcel handed over.
     */
    @Transactional
    public Parcel pickUpPaid(UUID id, UUID paymentId) {
        Parcel parcel = find(id).orElseThrow(() -> new ParcelRefused("NOT_FOUND", "parcels.error.not-found"));
        if (parcel.status() != ParcelStatus.IN_STORE) {
            throw new AlreadyOut(parcel.leftAt());
        }
        if (parcel.cashOnDelivery() && !paid(id)) {
            var payment = payments.find(paymentId).orElseThrow(() -> new ParcelRefused("COD_UNPAID", "parcels.error.cod-unpaid"));
            boolean used = jdbc.sql("SELECT COUNT(*) FROM parcels_parcel WHERE payment_id = ?").param(paymentId).query(Integer.class).single() > 0;
            if (payment.status() != io.yizhan.station.payments.PaymentStatus.SUCCEEDED || payment.amountFen() != parcel.codFen() || used) {
                throw new ParcelRefused("COD_UNPAID", "parcels.error.cod-unpaid");
            }
            jdbc.sql("UPDATE parcels_parcel SET payment_id = ? WHERE id = ?").params(paymentId, id).update();
        }
        return release(parcel, null, null);
    }

    /** What a cash-on-delivery payment is for, as its receipt and the day's records say it. */
    public static String codPurpose(Parcel parcel) {
        return "代收货款 " + parcel.courier() + " " + parcel.waybill();
    }

    private boolean paid(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM parcels_parcel WHERE id = ? AND payment_id IS NOT NULL").param(id).query(Integer.class).single() > 0;
    }

    private Parcel release(Parcel parcel, @Nullable String proxyName, @Nullable String proxyPhone) {
        UUID id = parcel.id();
        boolean proxy = proxyName != null && !proxyName.isBlank();
        String proxyDigits = proxy && proxyPhone != null && !proxyPhone.isBlank() ? phone(proxyPhone) : null;
        Instant now = clock.instant();
        int n = jdbc.sql("""
                        UPDATE parcels_parcel SET status = 'PICKED_UP', active_code = NULL, active_waybill = NULL,
                            left_at = ?, left_by = ?, proxy_name = ?, proxy_phone = ?
                        WHERE id = ? AND status = 'IN_STORE'""")
                .params(ts(now), audit.currentActor(), proxy ? proxyName.strip() : null, proxyDigits, id).update();
        if (n == 0) {
            throw new AlreadyOut(find(id).map(Parcel::leftAt).orElse(null));
        }
        slots.release(parcel.shelf(), parcel.layer());
        events.publishEvent(new ParcelPickedUp(UuidV7.next(clock), id, proxy, CurrentTerminal.name(), now));
        return get(id);
    }

    /** Refused because the parcel already left; says when. */
    public static final class AlreadyOut extends ParcelRefused {
        AlreadyOut(@Nullable Instant at) {
            super("ALREADY_OUT", "parcels.error.already-out", at);
        }
    }

    /** How many parcels were checked in since this moment (e.g. today's start in the station's zone). */
    public long checkedInSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM parcels_parcel WHERE checked_in_at >= ?").param(ts(since)).query(Long.class).single();
    }

    /**
     * How many parcels are in each state. Counted so that the cost follows what is in the station,
     * not its history: a table's row count is kept by the database, and only the states that stay
     * small (in store, returned, awaiting collection) are counted through the status index; the
     * large ones (picked up, collected) are the rest.
     */
    public Map<ParcelStatus, Long> stats() {
        record Counts(long all, long inStore, long returned, long shipments, long awaiting) {
        }
        Counts c = jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM parcels_parcel),
                               (SELECT COUNT(*) FROM parcels_parcel WHERE status = 'IN_STORE'),
                               (SELECT COUNT(*) FROM parcels_parcel WHERE status = 'RETURNED'),
                               (SELECT COUNT(*) FROM parcels_shipment),
                               (SELECT COUNT(*) FROM parcels_shipment WHERE status = 'AWAITING_COLLECTION')""")
                .query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).single();
        Map<ParcelStatus, Long> counts = new EnumMap<>(ParcelStatus.class);
        counts.put(ParcelStatus.IN_STORE, c.inStore());
        counts.put(ParcelStatus.PICKED_UP, c.all() - c.inStore() - c.returned());
        counts.put(ParcelStatus.RETURNED, c.returned());
        counts.put(ParcelStatus.AWAITING_COLLECTION, c.awaiting());
        counts.put(ParcelStatus.COLLECTED, c.shipments() - c.awaiting());
        return counts;
    }

    private static final String SELECT = """
            SELECT id, waybill, courier, pickup_code, shelf, layer, status, phone, size_class, cold, checked_in_at, left_at, damage_note,
                   cod_fen
            FROM parcels_parcel""";

    private static Parcel map(ResultSet rs, int row) throws SQLException {
        String phone = rs.getString("phone");
        OffsetDateTime left = rs.getObject("left_at", OffsetDateTime.class);
        return new Parcel(rs.getObject("id", UUID.class), rs.getString("waybill"), rs.getString("courier"),
                rs.getString("pickup_code"), rs.getInt("shelf"), rs.getInt("layer"), ParcelStatus.valueOf(rs.getString("status")),
                phone == null ? null : PersonalData.maskPhone(phone), SizeClass.valueOf(rs.getString("size_class")),
                rs.getBoolean("cold"), rs.getObject("checked_in_at", OffsetDateTime.class).toInstant(),
                left == null ? null : left.toInstant(), rs.getString("damage_note"),
                rs.getObject("cod_fen") == null ? null : rs.getLong("cod_fen"));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package io.yizhan.station.parcels;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.parcels.internal.Counters;
import io.yizhan.station.parcels.internal.Couriers;
import io.yizhan.station.parcels.internal.HandoverList;
import io.yizhan.station.parcels.internal.ParcelsProperties;
import io.yizhan.station.parcels.internal.Tariffs;
import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.shared.PersonalData;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 寄件: a resident's parcel is weighed (the counter scale's stable reading) and measured, priced
 * from the courier's tariff for the destination's zone (first kilogram plus each additional
 * started kilogram, on the larger of scale and volumetric weight), paid in cash with a receipt, and
 * gets a station-issued waybill printed on the waybill printer ({@code yizhan.parcels.waybill-printer},
 * or the terminal's receipt printer). It waits AWAITING_COLLECTION until
 * the courier's batch scan makes it COLLECTED. Payment, record, label and {@link ParcelSent} are
 * one transaction.
 */
@Service
public class Sending {

    /** The heaviest parcel the counter accepts, in grams. */
    public static final long MAX_GRAMS = 50_000;
    /** The longest side the counter accepts, in cm. */
    public static final int MAX_CM = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Tariffs tariffs;
    private final Couriers couriers;
    private final ParcelsProperties rules;
    private final Counters counters;
    private final Payments payments;
    private final PrintQueue printing;
    private final AuditLog audit;
    private final StationProperties station;
    private final StationTime time;
    private final ApplicationEventPublisher events;

    Sending(JdbcClient jdbc, Clock clock, Tariffs tariffs, Couriers couriers, ParcelsProperties rules, Counters counters, Payments payments, PrintQueue printing, AuditLog audit,
            StationProperties station, StationTime time, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tariffs = tariffs;
        this.couriers = couriers;
        this.rules = rules;
        this.counters = counters;
        this.payments = payments;
        this.printing = printing;
        this.audit = audit;
        this.station = station;
        this.time = time;
        this.events = events;
    }

    /** The couriers that take parcels here (those with a tariff). */
    public List<String> couriers() {
        return tariffs.couriers();
    }

    /** A courier's name for people, e.g. 顺丰速运 for SF. */
    public String courierName(String code) {
        return couriers.name(code);
    }

    /** Destination provinces: code, Chinese name, English name. */
    public List<Tariffs.Province> provinces() {
        return tariffs.provinces();
    }

    /** What sending costs; refused with a reason when the courier, province, weight or size is not right. */
    public Quote quote(String courier, String province, long grams, @Nullable Integer lengthCm, @Nullable Integer widthCm,
                       @Nullable Integer heightCm) {
        Tariffs.Tariff tariff = tariffs.tariff(courier).orElseThrow(() -> new ParcelRefused("BAD_COURIER", "parcels.error.courier"));
        if (tariffs.province(province).isEmpty()) {
            throw new ParcelRefused("BAD_PROVINCE", "parcels.send.error.province");
        }
        if (grams <= 0 || grams > MAX_GRAMS) {
            throw new ParcelRefused("BAD_WEIGHT", "parcels.send.error.weight");
        }
        long volumetric = 0;
        boolean anySide = lengthCm != null || widthCm != null || heightCm != null;
        if (anySide) {
            if (!side(lengthCm) || !side(widthCm) || !side(heightCm)) {
                throw new ParcelRefused("BAD_DIMENSIONS", "parcels.send.error.dimensions");
            }
            long cm3 = (long) lengthCm * widthCm * heightCm;
            volumetric = ceilDiv(cm3 * 1000, tariff.volumetricDivisor());
        }
        long kg = Math.max(1, ceilDiv(Math.max(grams, volumetric), 1000));
        String zone = tariffs.zone(province);
        Tariffs.Price price = tariff.prices().get(zone);
        return new Quote(courier, zone, grams, volumetric, kg, price.firstFen() + (kg - 1) * price.additionalFen());
    }

    private static boolean side(@Nullable Integer cm) {
        return cm != null && cm >= 1 && cm <= MAX_CM;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** Takes the price in cash (with a receipt), records the parcel, prints its waybill label. */
    @Transactional
    public Shipment send(SendRequest r) {
        return record(r, null);
    }

    /**
     * Sends a parcel whose postage the platform pays (an online order of a consignment lot): recorded
     * against {@code billedTo}, the platform's order, with no money taken at the counter; the waybill
     * label prints as for any parcel.
     */
    @Transactional
    public Shipment sendBilled(SendRequest r, String billedTo) {
        if (billedTo == null || billedTo.isBlank() || billedTo.length() > 64) {
            throw new IllegalArgumentException("billedTo names the platform order that pays");
        }
        return record(r, billedTo);
    }

    private Shipment record(SendRequest r, @Nullable String billedTo) {
        String senderName = name(r.senderName());
        String recipientName = name(r.recipientName());
        String senderPhone = Parcels.phone(r.senderPhone());
        String recipientPhone = Parcels.phone(r.recipientPhone());
        String address = r.address().strip().replaceAll("\\s+", " ");
        if (address.length() < 5 || address.length() > 120) {
            throw new ParcelRefused("BAD_ADDRESS", "parcels.send.error.address");
        }
        String courier = r.courier().strip().toUpperCase(Locale.ROOT);
        Quote quote = quote(courier, r.province(), r.grams(), r.lengthCm(), r.widthCm(), r.heightCm());
        Instant now = clock.instant();
        String waybill = nextWaybill(now);
        Payment payment = billedTo != null ? null : payments.takeCash("PARCEL_SEND", quote.priceFen(), "寄件运费 " + courier + " " + waybill);
        UUID id = UuidV7.next(clock);
        String terminal = CurrentTerminal.name();
        jdbc.sql("""
                        INSERT INTO parcels_shipment (id, waybill, courier, sender_name, sender_phone, recipient_name, recipient_phone,
                            province, address, grams, length_cm, width_cm, height_cm, chargeable_kg, price_fen, payment_id, billed_to, status,
                            created_at, created_by, terminal)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_COLLECTION', ?, ?, ?)""")
                .params(id, waybill, courier, senderName, senderPhone, recipientName, recipientPhone, r.province(), address,
                        r.grams(), r.lengthCm(), r.widthCm(), r.heightCm(), quote.chargeableKg(), quote.priceFen(), payment == null ? null : payment.id(),
                        billedTo, ts(now), audit.currentActor(), terminal)
                .update();
        Shipment shipment = find(id).orElseThrow();
        PrintDocument label = waybillLabel(shipment, r.province());
        if (rules.waybillPrinter().isBlank()) {
            printing.printAt(terminal, DeviceKind.RECEIPT_PRINTER, label);
        } else {
            printing.print(rules.waybillPrinter(), label);
        }
        events.publishEvent(new ParcelSent(UuidV7.next(clock), id, waybill, courier, r.province(), r.grams(), quote.priceFen(),
                payment == null ? null : payment.id(), terminal, now));
        return shipment;
    }

    private static String name(String raw) {
        String n = raw.strip().replaceAll("\\s+", " ");
        if (n.isEmpty() || n.length() > 20) {
            throw new ParcelRefused("BAD_NAME", "parcels.send.error.name");
        }
        return n;
    }

    /** YZ + the day (yyMMdd, station's zone) + a running number: unique, and never a real courier's pattern. */
    private String nextWaybill(Instant now) {
        String day = DateTimeFormatter.ofPattern("yyMMdd").format(now.atZone(time.zone()));
        for (int attempt = 0; attempt < 100; attempt++) {
            long n = counters.next("shipment-number");
            String waybill = "YZ" + day + String.format("%07d", n % 10_000_000);
            if (jdbc.sql("SELECT COUNT(*) FROM parcels_shipment WHERE waybill = ?").param(waybill).query(Integer.class).single() == 0) {
                return waybill;
            }
        }
        throw new IllegalStateException("no free waybill number");
    }

    /** The waybill label: courier, barcode, to and from (phones masked), weight and date. */
    private PrintDocument waybillLabel(Shipment s, String province) {
        var zh = Translations.SIMPLIFIED;
        String to = tariffs.province(province).map(Tariffs.Province::name).orElse(province);
        return PrintDocument.builder("waybill-label").center().large(courierName(s.courier())).text(station.station().name())
                .barcode(s.waybill(), 12).rule().left()
                .bold(Translations.translate("parcels.send.label.to", zh, s.recipientName(), s.recipientPhone()))
                .text(to + " " + s.address())
                .text(Translations.translate("parcels.send.label.from", zh, s.senderName(), s.senderPhone()))
                .text(Translations.translate("parcels.send.label.weight", zh, s.chargeableKg(), time.dateTime(s.createdAt())))
                .build();
    }

    /** The courier takes a sent parcel: scanned at collection. */
    @Transactional
    public Shipment collect(String scannedWaybill) {
        String waybill = Parcels.waybill(scannedWaybill);
        Shipment shipment = jdbc.sql(SELECT + " WHERE waybill = ?").param(waybill).query(Sending::map).optional()
                .orElseThrow(() -> new ParcelRefused("NOT_FOUND", "parcels.send.error.not-found"));
        Instant now = clock.instant();
        int n = jdbc.sql("""
                        UPDATE parcels_shipment SET status = 'COLLECTED', collected_at = ?, collected_by = ?
                        WHERE id = ? AND status = 'AWAITING_COLLECTION'""")
                .params(ts(now), audit.currentActor(), shipment.id()).update();
        if (n == 0) {
            throw new ParcelRefused("ALREADY_COLLECTED", "parcels.send.error.collected", shipment.collectedAt());
        }
        events.publishEvent(new ParcelCollected(UuidV7.next(clock), shipment.id(), waybill, shipment.courier(), CurrentTerminal.name(), now));
        return find(shipment.id()).orElseThrow();
    }

    /** Prints the collection list for one courier, with a line for the courier to sign. */
    @Transactional
    public void printCollectionList(String courier, List<Shipment> collected) {
        printing.printAt(CurrentTerminal.name(), DeviceKind.RECEIPT_PRINTER, HandoverList.of("collection-list", station.station().name(),
                Translations.translate("parcels.collect.list.title", Translations.SIMPLIFIED, courier), time.dateTime(clock.instant()),
                collected.stream().map(s -> s.waybill() + "  " + s.chargeableKg() + "kg").toList(), audit.currentActor()));
    }

    public Optional<Shipment> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Sending::map).optional();
    }

    /** Sent parcels in a status, newest first. */
    public List<Shipment> byStatus(ParcelStatus status, int limit) {
        return jdbc.sql(SELECT + " WHERE status = ? ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY").params(status.name(), limit)
                .query(Sending::map).list();
    }

    /** Parcels sent in a period and the postage they brought in. */
    public record Sent(long count, long fen) {
    }

    /** How many parcels were sent since this moment and what they brought in. */
    public Sent sentSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(price_fen), 0) FROM parcels_shipment WHERE created_at >= ?").param(ts(since))
                .query((rs, i) -> new Sent(rs.getLong(1), rs.getLong(2))).single();
    }

    private static final String SELECT = """
            SELECT id, waybill, courier, sender_name, sender_phone, recipient_name, recipient_phone, province, address, grams,
                   chargeable_kg, price_fen, status, created_at, collected_at
            FROM parcels_shipment""";

    private static Shipment map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime collected = rs.getObject("collected_at", OffsetDateTime.class);
        return new Shipment(rs.getObject("id", UUID.class), rs.getString("waybill"), rs.getString("courier"), rs.getString("sender_name"),
                mask(rs.getString("sender_phone")), rs.getString("recipient_name"), mask(rs.getString("recipient_phone")),
                rs.getString("province"), rs.getString("address"), rs.getLong("grams"), rs.getLong("chargeable_kg"),
                rs.getLong("price_fen"), ParcelStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), collected == null ? null : collected.toInstant());
    }

    private static @Nullable String mask(@Nullable String phone) {
        return phone == null ? null : PersonalData.maskPhone(phone);
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

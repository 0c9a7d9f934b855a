package io.yizhan.station.consignment;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.inventory.Sku;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.StockLevel;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.inventory.WriteOffReason;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.Yaml;

/**
 * Looking after lots on the shelf (批次管理). Markdowns: a perishable lot's price drops by the hours since
 * its harvest date per its category's schedule ({@code consignment/markdowns.yml}), never below the
 * consignor's floor; the clerk applies it, which gives the lot's SKU a new short code (old labels are
 * void) and relabels the goods. The end of the period: the contract's end action — handed back with a
 * slip the consignor signs, donated, or marked down to the floor. Spoilage and damage are written off,
 * borne by the consignor (spoiled, expired) or the station (damaged, lost: it was in the station's care).
 */
@Service
public class LotCare {

    /** A lot on the shelf with what is left of it (grams or pieces) and its price now. */
    public record OnShelf(UUID lotId, String lotNo, UUID consignorId, String consignorName, String productCode, String productName, String grade,
                          Unit unit, String sku, String origin, boolean pooled, String category, boolean perishable, long agreedPriceFen, long priceNowFen, @Nullable Long floorPriceFen,
                          LocalDate harvestedOn, Instant receivedAt, int periodDays, EndAction endAction, long left) {
    }

    /** A markdown due: the new price and the schedule's step that makes it due. */
    public record MarkdownDue(OnShelf lot, int percentOff, long newPriceFen) {
    }

    private record Step(int afterHours, int percentOff) {
    }

    private final JdbcClient jdbc;
    private final Goods goods;
    private final Stock stock;
    private final Settlement settlement;
    private final ConsignmentProducts products;
    private final PrintQueue printing;
    private final Clock clock;
    private final StationTime time;
    private final StationProperties station;
    private final AuditLog audit;
    private final Map<String, List<Step>> schedule;

    LotCare(JdbcClient jdbc, Goods goods, Stock stock, Settlement settlement, ConsignmentProducts products, PrintQueue printing, Clock clock,
            StationTime time, StationProperties station, AuditLog audit) {
        this.jdbc = jdbc;
        this.goods = goods;
        this.stock = stock;
        this.settlement = settlement;
        this.products = products;
        this.printing = printing;
        this.clock = clock;
        this.time = time;
        this.station = station;
        this.audit = audit;
        this.schedule = loadSchedule();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Step>> loadSchedule() {
        try (InputStream in = LotCare.class.getResourceAsStream("/consignment/markdowns.yml")) {
            if (in == null) {
                throw new IllegalStateException("consignment/markdowns.yml is missing");
            }
            Map<String, List<Map<String, Object>>> data = (Map<String, List<Map<String, Object>>>) new Yaml().<Map<String, Object>>load(in).get("markdowns");
            Map<String, List<Step>> steps = new java.util.HashMap<>();
            data.forEach((category, list) -> steps.put(category, list.stream()
                    .map(s -> new Step(((Number) s.get("after-hours")).intValue(), ((Number) s.get("percent-off")).intValue()))
                    .sorted(Comparator.comparingInt(Step::afterHours)).toList()));
            return Map.copyOf(steps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lots still on the shelf (not closed, something left), oldest first. */
    public List<OnShelf> onShelf() {
        return shelf(null);
    }

    /** One lot, when it is still on the shelf. */
    public Optional<OnShelf> onShelf(UUID lotId) {
        return shelf(lotId).stream().findFirst();
    }

    private List<OnShelf> shelf(@Nullable UUID only) {
        record Row(UUID id, String lotNo, UUID consignor, String consignorName, String productCode, String productName, String grade, Unit unit,
                   String sku, String origin, long agreedPriceFen, @Nullable Long floorPriceFen, LocalDate harvestedOn, Instant receivedAt,
                   int periodDays, EndAction endAction) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT l.id, l.lot_no, l.consignor_id, c.name, l.product_code, l.product_name, l.grade, l.unit, l.sku, l.origin, l.unit_price_fen,
                               l.floor_price_fen, l.harvested_on, l.received_at, l.period_days, l.end_action
                        FROM consignment_lot l JOIN consignment_consignor c ON c.id = l.consignor_id
                        WHERE l.closed_at IS NULL""" + (only == null ? "" : " AND l.id = :id") + " ORDER BY l.received_at FETCH FIRST 500 ROWS ONLY")
                .params(only == null ? Map.of() : Map.of("id", only))
                .query((rs, n) -> {
                    long floor = rs.getLong(12);
                    Long floorFen = rs.wasNull() ? null : floor;
                    return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), Unit.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getLong(11), floorFen,
                            rs.getObject(13, LocalDate.class), rs.getObject(14, OffsetDateTime.class).toInstant(), rs.getInt(15),
                            EndAction.valueOf(rs.getString(16)));
                }).list();
        List<OnShelf> out = new ArrayList<>();
        for (Row r : rows) {
            long left = stock.ofOwner(r.consignor().toString()).stream().filter(s -> s.batch().equals(r.lotNo())).mapToLong(StockLevel::quantity).sum();
            if (left <= 0) {
                continue;
            }
            Optional<ConsignmentProducts.Product> product = products.find(r.productCode());
            out.add(new OnShelf(r.id(), r.lotNo(), r.consignor(), r.consignorName(), r.productCode(), r.productName(), r.grade(), r.unit(), r.sku(),
                    r.origin(), product.map(ConsignmentProducts.Product::pooled).orElse(false),
                    product.map(ConsignmentProducts.Product::category).orElse(""), product.map(ConsignmentProducts.Product::perishable).orElse(false),
                    r.agreedPriceFen(), goods.find(r.sku()).map(Sku::priceFen).orElse(r.agreedPriceFen()), r.floorPriceFen(), r.harvestedOn(),
                    r.receivedAt(), r.periodDays(), r.endAction(), left));
        }
        return out;
    }

    /**
     * Markdowns due now: perishable lots of their own SKU (a pooled SKU keeps one price) whose
     * category's schedule has reached a step that takes the price below what it is now.
     */
    public List<MarkdownDue> markdownsDue() {
        Instant now = clock.instant();
        List<MarkdownDue> due = new ArrayList<>();
        for (OnShelf lot : onShelf()) {
            if (!lot.perishable() || lot.pooled()) {
                continue;
            }
            long hours = Duration.between(time.startOf(lot.harvestedOn()), now).toHours();
            Optional<Step> step = schedule.getOrDefault(lot.category(), List.of()).stream().filter(s -> hours >= s.afterHours())
                    .max(Comparator.comparingInt(Step::afterHours));
            if (step.isEmpty()) {
                continue;
            }
            long price = markedDown(lot, step.get().percentOff());
            if (price < lot.priceNowFen()) {
                due.add(new MarkdownDue(lot, step.get().percentOff(), price));
            }
        }
        return due;
    }

    /** The agreed price less {@code percentOff}, half-up, never below the consignor's floor. */
    static long markedDown(OnShelf lot, int percentOff) {
        long price = Unit.roundHalfUp(lot.agreedPriceFen() * (100L - percentOff), 100);
        return Math.max(Math.max(1, price), lot.floorPriceFen() == null ? 1 : lot.floorPriceFen());
    }

    /** Lots whose consignment period is over and still have goods on the shelf. */
    public List<OnShelf> ended() {
        Instant now = clock.instant();
        return onShelf().stream().filter(l -> l.receivedAt().plus(Duration.ofDays(l.periodDays())).isBefore(now)).toList();
    }

    /**
     * Marks a lot down to {@code newPriceFen} (per kg or piece): a new short code for its SKU, so labels
     * at the old price are void; pieces are relabelled at once, bags one by one on the scale
     * ({@link #relabel}).
     *
     * @throws ConsignmentRefused {@code NOT_FOUND}, {@code POOLED}, {@code BAD_PRICE} (not lower, or below the floor)
     */
    @Transactional
    public OnShelf markdown(UUID lotId, long newPriceFen) {
        OnShelf lot = find(lotId);
        if (lot.pooled()) {
            throw new ConsignmentRefused("POOLED", 409, "consignment.error.pooled-markdown");
        }
        if (newPriceFen >= lot.priceNowFen() || newPriceFen <= 0 || (lot.floorPriceFen() != null && newPriceFen < lot.floorPriceFen())) {
            throw new ConsignmentRefused("BAD_PRICE", 400, "consignment.error.markdown-price", Money.yuan(lot.priceNowFen()),
                    Money.yuan(lot.floorPriceFen() == null ? 1 : lot.floorPriceFen()));
        }
        Sku sku = goods.reprice(lot.sku(), newPriceFen, "markdown " + lot.lotNo());
        int percentOff = (int) Math.round(100.0 - 100.0 * newPriceFen / lot.agreedPriceFen());
        jdbc.sql("INSERT INTO consignment_markdown (id, lot_id, from_price_fen, to_price_fen, percent_off, clerk, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(UuidV7.next(clock), lotId, lot.priceNowFen(), newPriceFen, percentOff, audit.currentActor(), utc(clock.instant())).update();
        audit.record("consignment.markdown", lot.lotNo() + " " + Money.yuan(lot.priceNowFen()) + " → " + Money.yuan(newPriceFen));
        if (lot.unit() == Unit.PIECE) {
            for (long i = 0; i < lot.left(); i++) {
                printLabel(lot, sku, 1);
            }
        }
        return find(lotId);
    }

    /** A new label at the lot's price now for one bag put on the scale ({@code grams}), after a markdown. */
    public String relabel(UUID lotId, long grams) {
        OnShelf lot = find(lotId);
        if (grams <= 0 || grams > Lots.MAX_BAG_GRAMS || (lot.unit() == Unit.KG && grams > lot.left())) {
            throw new ConsignmentRefused("BAD_WEIGHT", 400, "consignment.error.weight");
        }
        Sku sku = goods.find(lot.sku()).orElseThrow();
        return printLabel(lot, sku, lot.unit() == Unit.KG ? grams : 1);
    }

    private String printLabel(OnShelf lot, Sku sku, long quantity) {
        Locale zh = Translations.SIMPLIFIED;
        long price = lot.unit().amountFen(quantity, sku.priceFen());
        String barcode = goods.scaleLabel(sku, quantity, price);
        printing.printAt(CurrentTerminal.name(), DeviceKind.LABEL_PRINTER, PrintDocument.builder("lot-label").center()
                .bold(lot.productName() + " " + lot.grade() + " " + Translations.translate("consignment.care.marked-down", zh))
                .text(Quantities.text(lot.unit(), quantity, zh) + " · " + Money.yuan(sku.priceFen()) + "/"
                        + Translations.translate("inventory.unit.per." + lot.unit(), zh))
                .large(Money.yuan(price)).barcode(barcode, 8).build());
        return barcode;
    }

    /**
     * Applies the contract's end action to a lot whose period is over: what is left is handed back
     * (with a slip the consignor signs) or donated — either way out of stock and on their statement —
     * or marked down to the floor price and left on sale.
     *
     * @throws ConsignmentRefused {@code NOT_FOUND}, {@code NOT_ENDED}
     */
    @Transactional
    public OnShelf end(UUID lotId) {
        OnShelf lot = find(lotId);
        if (!lot.receivedAt().plus(Duration.ofDays(lot.periodDays())).isBefore(clock.instant())) {
            throw new ConsignmentRefused("NOT_ENDED", 409, "consignment.error.not-ended");
        }
        switch (lot.endAction()) {
            case RETURN, DONATE -> {
                WriteOffReason reason = lot.endAction() == EndAction.RETURN ? WriteOffReason.RETURNED_TO_OWNER : WriteOffReason.DONATED;
                remove(lot, lot.left(), reason, "CONSIGNOR", null);
                printSlip(lot, reason);
            }
            case MARKDOWN -> {
                long floor = lot.floorPriceFen() == null ? lot.priceNowFen() : lot.floorPriceFen();
                if (floor < lot.priceNowFen()) {
                    markdown(lotId, floor);
                }
            }
        }
        jdbc.sql("UPDATE consignment_lot SET closed_at = ? WHERE id = ?").params(utc(clock.instant()), lotId).update();
        audit.record("consignment.lot-ended", lot.lotNo() + " " + lot.endAction());
        return lot;
    }

    /**
     * Writes off goods of a lot: spoiled or expired borne by the consignor (nothing is paid for them);
     * damaged or lost borne by the station (the consignor is paid their share at the lot's price).
     *
     * @throws ConsignmentRefused {@code NOT_FOUND}, {@code BAD_QUANTITY}, {@code BAD_REASON}
     */
    @Transactional
    public OnShelf writeOff(UUID lotId, long quantity, WriteOffReason reason, @Nullable String note) {
        OnShelf lot = find(lotId);
        if (quantity <= 0 || quantity > lot.left()) {
            throw new ConsignmentRefused("BAD_QUANTITY", 400, "consignment.error.write-off-quantity");
        }
        String borneBy = switch (reason) {
            case SPOILED, EXPIRED -> "CONSIGNOR";
            case DAMAGED, LOST -> "STATION";
            default -> throw new ConsignmentRefused("BAD_REASON", 400, "consignment.error.write-off-reason");
        };
        remove(lot, quantity, reason, borneBy, note);
        return find(lotId);
    }

    private void remove(OnShelf lot, long quantity, WriteOffReason reason, String borneBy, @Nullable String note) {
        stock.removeOwned(lot.sku(), lot.consignorId().toString(), lot.lotNo(), quantity, reason.name(), "lot:" + lot.lotId());
        int counterPct = jdbc.sql("SELECT commission_counter_pct FROM consignment_lot WHERE id = ?").param(lot.lotId()).query(Integer.class).single();
        settlement.recordWriteOff(lot.lotId(), lot.consignorId(), lot.lotNo(), lot.unit(), lot.agreedPriceFen(), counterPct, quantity, reason.name(), borneBy,
                note == null || note.isBlank() ? null : note.strip());
        audit.record("consignment.write-off", lot.lotNo() + " " + quantity + " " + reason + " " + borneBy);
    }

    /** The slip for goods handed back or donated at the end of the period, in large print with a signature line. */
    private void printSlip(OnShelf lot, WriteOffReason reason) {
        Locale zh = Translations.SIMPLIFIED;
        printing.printAt(CurrentTerminal.name(), DeviceKind.RECEIPT_PRINTER, PrintDocument.builder("return-slip").center()
                .large(station.station().name()).huge(Translations.translate("consignment.care.slip." + reason, zh)).left()
                .large(lot.consignorName()).large(Translations.translate("consignment.receipt.lot", zh, lot.lotNo()))
                .large(lot.productName() + " " + lot.grade() + " " + Quantities.text(lot.unit(), lot.left(), zh))
                .text(time.dateTime(clock.instant())).feed(2).large(Translations.translate("consignment.receipt.signature", zh)).feed(1).build());
    }

    private OnShelf find(UUID lotId) {
        return onShelf(lotId).orElseThrow(() -> new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.no-lot"));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

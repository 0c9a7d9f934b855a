package io.yizhan.station.inventory;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.inventory.internal.StocktakeRepository;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stocktakes (盘点): a manager starts one for a location or the whole station; staff count by scanning
 * (each scan adds one, a weighed good's label adds its weight) or by typing a quantity; a location's
 * system quantities are taken when it is first counted, so sales after that are not differences; a
 * manager posts the differences as ADJUST moves — once, however often it is asked.
 */
@Service
public class Stocktakes {

    private final StocktakeRepository stocktakes;
    private final JdbcClient jdbc;
    private final Goods goods;
    private final Stock stock;
    private final Clock clock;
    private final AuditLog audit;
    private final StationTime time;
    private final PrintQueue printing;

    Stocktakes(StocktakeRepository stocktakes, JdbcClient jdbc, Goods goods, Stock stock, Clock clock, AuditLog audit, StationTime time,
               PrintQueue printing) {
        this.stocktakes = stocktakes;
        this.jdbc = jdbc;
        this.goods = goods;
        this.stock = stock;
        this.clock = clock;
        this.audit = audit;
        this.time = time;
        this.printing = printing;
    }

    @PreAuthorize("hasRole('MANAGER')")
    @Transactional
    public Stocktake start(@Nullable String location) {
        String at = Stock.location(location);
        Stocktake made = stocktakes.save(new Stocktake(UuidV7.next(clock), null, at.isEmpty() ? null : at, "OPEN", audit.currentActor(),
                clock.instant(), null, null));
        audit.record("inventory.stocktake-started", made.id() + (at.isEmpty() ? "" : " " + at));
        return made;
    }

    public Optional<Stocktake> find(UUID id) {
        return stocktakes.findById(id);
    }

    public List<Stocktake> latest() {
        return stocktakes.latest();
    }

    /** What a count added: the good, where, how much, and the line's count now. */
    public record Counted(String sku, String name, Unit unit, String location, long added, long countedNow) {
    }

    /**
     * Counts a good: {@code code} a barcode (a variable-measure label adds what it carries) or a SKU
     * code; {@code quantity} what to add (null: one piece, or the label's weight); the location is the
     * stocktake's, or {@code location}, or — when the good lies in one location only — that one.
     */
    @Transactional
    public Counted count(UUID id, String code, @Nullable Long quantity, @Nullable String location) {
        Stocktake take = open(id);
        ScannedGood scanned = goods.find(code == null ? "" : code.strip()).map(s -> new ScannedGood(s, null, null, s.sku()))
                .orElseGet(() -> goods.read(code));
        Sku sku = scanned.sku();
        long add = quantity != null ? quantity : scanned.quantity() != null ? scanned.quantity() : 1;
        if (add == 0 || Math.abs(add) > 100_000_000L || (quantity == null && sku.unit() == Unit.KG && scanned.quantity() == null)) {
            throw new InventoryRefused("BAD_QUANTITY", 400, sku.unit() == Unit.KG ? "inventory.error.count-weight" : "inventory.error.quantity",
                    sku.sku());
        }
        String where = take.location() != null ? take.location() : Stock.location(location);
        if (take.location() == null && (location == null || location.isBlank())) {
            List<String> places = jdbc.sql("SELECT DISTINCT location FROM inventory_stock WHERE sku = ? AND quantity <> 0").param(sku.sku())
                    .query(String.class).list();
            if (places.size() != 1) {
                throw new InventoryRefused("LOCATION_REQUIRED", 400, "inventory.error.count-location", sku.sku());
            }
            where = places.getFirst();
        }
        snapshot(id, where);
        int n = jdbc.sql("UPDATE inventory_stocktake_line SET counted = counted + ? WHERE stocktake = ? AND sku = ? AND location = ?")
                .params(add, id, sku.sku(), where).update();
        if (n == 0) {
            try {
                jdbc.sql("INSERT INTO inventory_stocktake_line (stocktake, sku, location, system_quantity, counted, snapshot_at) VALUES (?, ?, ?, 0, ?, ?)")
                        .params(id, sku.sku(), where, add, now()).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("UPDATE inventory_stocktake_line SET counted = counted + ? WHERE stocktake = ? AND sku = ? AND location = ?")
                        .params(add, id, sku.sku(), where).update();
            }
        }
        long now = jdbc.sql("SELECT counted FROM inventory_stocktake_line WHERE stocktake = ? AND sku = ? AND location = ?")
                .params(id, sku.sku(), where).query(Long.class).single();
        if (now < 0) {
            throw new InventoryRefused("BAD_QUANTITY", 400, "inventory.error.count-below-zero", sku.sku());
        }
        return new Counted(sku.sku(), sku.name(), sku.unit(), where, add, now);
    }

    /** Takes the system quantities of a location the first time it is counted in this stocktake. */
    private void snapshot(UUID id, String location) {
        boolean taken = jdbc.sql("SELECT COUNT(*) FROM inventory_stocktake_line WHERE stocktake = ? AND location = ?").params(id, location)
                .query(Long.class).single() > 0;
        if (taken) {
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO inventory_stocktake_line (stocktake, sku, location, system_quantity, counted, snapshot_at)
                            SELECT ?, sku, location, SUM(quantity), 0, ? FROM inventory_stock WHERE location = ? GROUP BY sku, location""")
                    .params(id, now(), location).update();
        } catch (DuplicateKeyException raced) {
            // another clerk's first scan at this location took it a moment ago
        }
    }

    /** Every counted line with its difference (counted − system), valued at the SKU's price. */
    public List<StocktakeLine> lines(UUID id) {
        return jdbc.sql("""
                        SELECT l.sku, s.name, s.spec, s.unit, l.location, l.system_quantity, l.counted, s.price_fen
                        FROM inventory_stocktake_line l JOIN inventory_sku s ON s.sku = l.sku
                        WHERE l.stocktake = ? ORDER BY l.location, l.sku""")
                .param(id)
                .query((rs, i) -> {
                    Unit unit = Unit.valueOf(rs.getString(4));
                    long diff = rs.getLong(7) - rs.getLong(6);
                    long value = Long.signum(diff) * unit.amountFen(Math.abs(diff), rs.getLong(8));
                    return new StocktakeLine(rs.getString(1), rs.getString(2), rs.getString(3), unit, rs.getString(5), rs.getLong(6), rs.getLong(7), value);
                }).list();
    }

    /** The lines whose count differs from the system. */
    public List<StocktakeLine> differences(UUID id) {
        stocktakes.findById(id).orElseThrow(() -> notFound(id));
        return lines(id).stream().filter(l -> l.difference() != 0).toList();
    }

    /**
     * Posts the differences as ADJUST moves onto the current stock (what was sold after a location was
     * counted stays sold). Posting again changes nothing.
     */
    @PreAuthorize("hasRole('MANAGER')")
    @Transactional
    public Stocktake post(UUID id) {
        Stocktake take = stocktakes.findById(id).orElseThrow(() -> notFound(id));
        int changed = jdbc.sql("UPDATE inventory_stocktake SET status = 'POSTED', posted_by = ?, posted_at = ?, version = version + 1 WHERE id = ? AND status = 'OPEN'")
                .params(audit.currentActor(), now(), id).update();
        if (changed == 0) {
            return take;
        }
        List<StocktakeLine> diffs = differences(id);
        for (StocktakeLine line : diffs) {
            stock.adjust(line.sku(), line.location(), line.difference(), "stocktake:" + id);
        }
        audit.record("inventory.stocktake-posted", id + " " + diffs.size() + " "
                + Money.yuan(diffs.stream().mapToLong(StocktakeLine::differenceValueFen).sum()));
        return stocktakes.findById(id).orElseThrow();
    }

    private Stocktake open(UUID id) {
        Stocktake take = stocktakes.findById(id).orElseThrow(() -> notFound(id));
        if (!take.open()) {
            throw new InventoryRefused("STOCKTAKE_POSTED", 409, "inventory.error.stocktake-posted");
        }
        return take;
    }

    private static InventoryRefused notFound(UUID id) {
        return new InventoryRefused("NOT_FOUND", 404, "inventory.error.no-stocktake", null, id);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static final Locale ZH = Translations.SIMPLIFIED;

    private static List<String> reportHeader() {
        return List.of("report.location", "report.sku", "report.name", "report.spec", "report.unit", "report.system", "report.counted",
                "report.difference", "report.value").stream().map(k -> Translations.translate("inventory.stocktake." + k, ZH)).toList();
    }

    /** A line as people read it: pieces, or kg with three decimals (the API keeps grams). */
    private static List<Object> reportRow(StocktakeLine l) {
        return List.of(l.location(), l.sku(), l.name(), l.spec(), Translations.translate("inventory.unit." + l.unit(), ZH),
                inUnit(l.unit(), l.systemQuantity()), inUnit(l.unit(), l.countedQuantity()), inUnit(l.unit(), l.difference()),
                java.math.BigDecimal.valueOf(l.differenceValueFen(), 2));
    }

    private static Number inUnit(Unit unit, long quantity) {
        return unit == Unit.KG ? java.math.BigDecimal.valueOf(quantity, 3) : quantity;
    }

    /** The discrepancy report as an XLSX workbook (quantities in pieces or grams, values in yuan). */
    public byte[] reportXlsx(UUID id) {
        List<StocktakeLine> diffs = differences(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Yizhan", "1.0");
            Worksheet ws = wb.newWorksheet(Translations.translate("inventory.stocktake.report.sheet", ZH));
            List<String> header = reportHeader();
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (StocktakeLine l : diffs) {
                List<Object> row = reportRow(l);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else {
                        ws.value(r, c, String.valueOf(v));
                    }
                }
                r++;
            }
            ws.value(r, 7, Translations.translate("inventory.stocktake.report.total", ZH));
            ws.value(r, 8, java.math.BigDecimal.valueOf(diffs.stream().mapToLong(StocktakeLine::differenceValueFen).sum(), 2));
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The discrepancy report as CSV in UTF-8 with a BOM, as Chinese spreadsheet programs open it. */
    public byte[] reportCsv(UUID id) {
        List<StocktakeLine> diffs = differences(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL)) {
            csv.printRecord(reportHeader());
            for (StocktakeLine l : diffs) {
                csv.printRecord(reportRow(l));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Count sheets, one per location, on the receipt printer at this terminal: each good with a line to write the count on. */
    public int printSheets(UUID id) {
        Stocktake take = stocktakes.findById(id).orElseThrow(() -> notFound(id));
        List<String> locations = take.location() != null ? List.of(take.location()) : stock.locations();
        int printed = 0;
        for (String location : locations) {
            PrintDocument.Builder doc = PrintDocument.builder("count-sheet").center()
                    .large(Translations.translate("inventory.stocktake.sheet.title", ZH, location.isEmpty() ? "—" : location))
                    .text(time.dateTime(take.startedAt())).rule().left();
            for (StockLevel level : stock.at(location)) {
                Sku sku = goods.find(level.sku()).orElseThrow();
                doc.text(sku.name() + " " + sku.spec() + (level.batch().isEmpty() ? "" : " #" + level.batch()))
                        .text("   " + sku.sku() + "   ____________ " + Translations.translate("inventory.unit." + sku.unit(), ZH));
            }
            doc.rule().text(Translations.translate("inventory.stocktake.sheet.sign", ZH)).feed(2);
            if (printing.printAt(CurrentTerminal.name(), DeviceKind.RECEIPT_PRINTER, doc.build()).isPresent()) {
                printed++;
            }
        }
        return printed;
    }
}

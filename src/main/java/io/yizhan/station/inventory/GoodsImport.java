package io.yizhan.station.inventory;

import io.yizhan.station.inventory.internal.ImportRows;
import io.yizhan.station.inventory.internal.Pinyin;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batch import of goods and stock from a station's spreadsheet (CSV in UTF-8 or GB18030, or XLSX),
 * columns in Chinese as {@link ImportRows#COLUMNS} lists them. One SKU may stand on several rows, one
 * per batch and location. A dry run checks every row and stores nothing; the import stores every
 * accepted row in one transaction (receiving its quantity as RECEIVE moves) and reports the rejected
 * rows again. Rows are written in JDBC batches: an import of 20,000 rows takes seconds, not minutes.
 */
@Service
public class GoodsImport {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditLog audit;
    private final Goods goods;

    GoodsImport(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Clock clock, AuditLog audit, Goods goods) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
        this.goods = goods;
    }

    /** A row refused, numbered as the spreadsheet shows it (the header is row 1), and why (a message key and its parameters). */
    public record Rejected(int row, String reasonKey, List<String> args) {
    }

    /** How many rows were (or would be) stored, and the rows refused. */
    public record Result(int accepted, List<Rejected> rejected) {
    }

    /**
     * Checks (and unless {@code dryRun}, stores) a file. A file that is not a spreadsheet, too large or
     * without the required columns is refused as a whole ({@link InventoryRefused}); nothing is stored.
     */
    public Result run(byte[] file, boolean dryRun) {
        List<ImportRows.Row> rows = ImportRows.read(file);
        Existing existing = existing();
        List<ImportRows.Row> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, ImportRows.Row> firstOfSku = new HashMap<>();
        Map<String, String> barcodeOwner = new HashMap<>(existing.barcodes());
        Map<String, String> shortCodeOwner = new HashMap<>(existing.shortCodes());
        for (ImportRows.Row row : rows) {
            String problem = check(row, firstOfSku, barcodeOwner, shortCodeOwner, existing);
            if (problem != null) {
                rejected.add(new Rejected(row.number(), problem, row.problemArgs()));
                continue;
            }
            accepted.add(row);
        }
        if (!dryRun && !accepted.isEmpty()) {
            tx.executeWithoutResult(s -> store(accepted, existing));
            audit.record("inventory.import", accepted.size() + " / " + rows.size());
        }
        return new Result(accepted.size(), rejected);
    }

    private record Existing(Map<String, Unit> units, Map<String, String> barcodes, Map<String, String> shortCodes) {
    }

    private Existing existing() {
        Map<String, Unit> units = new HashMap<>();
        Map<String, String> shortCodes = new HashMap<>();
        jdbc.sql("SELECT sku, unit, short_code FROM inventory_sku").query((rs, i) -> {
            units.put(rs.getString(1), Unit.valueOf(rs.getString(2)));
            shortCodes.put(rs.getString(3).strip(), rs.getString(1));
            return null;
        }).list();
        Map<String, String> barcodes = new HashMap<>();
        jdbc.sql("SELECT barcode, sku FROM inventory_barcode").query((rs, i) -> barcodes.put(rs.getString(1), rs.getString(2))).list();
        return new Existing(units, barcodes, shortCodes);
    }

    /** Why a row is refused (a message key; its parameters go on the row), or null when it is fine. */
    private static @Nullable String check(ImportRows.Row row, Map<String, ImportRows.Row> firstOfSku, Map<String, String> barcodeOwner,
                                          Map<String, String> shortCodeOwner, Existing existing) {
        String problem = row.parse();
        if (problem != null) {
            return problem;
        }
        Unit known = existing.units().get(row.sku());
        if (known != null && known != row.unit()) {
            return row.fail("inventory.import.error.unit-differs-station", row.sku());
        }
        ImportRows.Row first = firstOfSku.get(row.sku());
        if (first != null) {
            if (!first.name().equals(row.name()) || first.priceFen() != row.priceFen() || first.unit() != row.unit()) {
                return row.fail("inventory.import.error.disagrees", row.sku(), String.valueOf(first.number()));
            }
        }
        for (String barcode : row.barcodes()) {
            String owner = barcodeOwner.get(barcode);
            if (owner != null && !owner.equals(row.sku())) {
                return row.fail("inventory.import.error.barcode-taken", barcode, owner);
            }
        }
        if (row.shortCode() != null) {
            String owner = shortCodeOwner.get(row.shortCode());
            if (owner != null && !owner.equals(row.sku())) {
                return row.fail("inventory.import.error.short-code-taken", row.shortCode(), owner);
            }
        }
        if (first == null) {
            firstOfSku.put(row.sku(), row);
        }
        row.barcodes().forEach(b -> barcodeOwner.put(b, row.sku()));
        if (row.shortCode() != null) {
            shortCodeOwner.put(row.shortCode(), row.sku());
        }
        return null;
    }

    private void store(List<ImportRows.Row> rows, Existing existing) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String clerk = audit.currentActor();
        String terminal = CurrentTerminal.name();
        String reference = "import:" + UuidV7.next(clock);
        // the goods: the first row of each SKU describes it; a SKU the station has is updated (a price change)
        Map<String, ImportRows.Row> skus = new LinkedHashMap<>();
        rows.forEach(r -> skus.putIfAbsent(r.sku(), r));
        int nextShort = Integer.parseInt(goods.nextShortCode());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        java.util.Set<String> usedShort = new java.util.HashSet<>(existing.shortCodes().keySet());
        rows.stream().map(ImportRows.Row::shortCode).filter(Objects::nonNull).forEach(usedShort::add);
        for (ImportRows.Row r : skus.values()) {
            String pinyin = Pinyin.initials(r.name());
            if (existing.units().containsKey(r.sku())) {
                updates.add(new Object[] {r.name(), r.spec(), r.priceFen(), r.costFen(), pinyin, r.threshold(), now, r.shortCode(), r.sku()});
            } else {
                String shortCode = r.shortCode();
                while (shortCode == null) {
                    String candidate = String.format("%05d", nextShort++);
                    if (nextShort > 100_000) {
                        throw new InventoryRefused("NO_SHORT_CODE", 409, "inventory.error.short-code-full");
                    }
                    if (usedShort.add(candidate)) {
                        shortCode = candidate;
                    }
                }
                inserts.add(new Object[] {r.sku(), shortCode, r.name(), r.spec(), r.unit().name(), r.priceFen(), r.costFen(), pinyin, r.threshold(), now, now});
            }
        }
        batch.batchUpdate("""
                INSERT INTO inventory_sku (sku, version, short_code, name, spec, unit, price_fen, cost_fen, category, pinyin, threshold, created_at, updated_at)
                VALUES (?, 0, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)""", inserts);
        batch.batchUpdate("""
                UPDATE inventory_sku SET name = ?, spec = ?, price_fen = ?, cost_fen = COALESCE(?, cost_fen), pinyin = ?, threshold = ?, updated_at = ?,
                       short_code = COALESCE(?, short_code), version = version + 1 WHERE sku = ?""", updates);
        Map<String, Integer> positions = new HashMap<>();
        jdbc.sql("SELECT sku, MAX(position) FROM inventory_barcode GROUP BY sku").query((rs, i) -> positions.put(rs.getString(1), rs.getInt(2))).list();
        List<Object[]> barcodes = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ImportRows.Row r : rows) {
            for (String b : r.barcodes()) {
                if (!existing.barcodes().containsKey(b) && seen.add(b)) {
                    int position = positions.compute(r.sku(), (sku, last) -> last == null ? 0 : last + 1);
                    barcodes.add(new Object[] {b, r.sku(), position});
                }
            }
        }
        batch.batchUpdate("INSERT INTO inventory_barcode (barcode, sku, position) VALUES (?, ?, ?)", barcodes);
        // the stock: one row per SKU × batch × location, its quantity received
        record Key(String sku, String batch, String location) {
        }
        Map<Key, UUID> stockRows = new HashMap<>();
        jdbc.sql("SELECT id, sku, batch, location FROM inventory_stock WHERE owner = ?").param(Stock.STATION)
                .query((rs, i) -> stockRows.put(new Key(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getObject(1, UUID.class))).list();
        List<Object[]> newStock = new ArrayList<>();
        List<Object[]> addStock = new ArrayList<>();
        List<Object[]> moves = new ArrayList<>();
        for (ImportRows.Row r : rows) {
            Key key = new Key(r.sku(), r.batch(), r.location());
            UUID id = stockRows.get(key);
            if (id == null) {
                id = UuidV7.next(clock);
                stockRows.put(key, id);
                newStock.add(new Object[] {id, r.sku(), Stock.STATION, r.batch(), r.location(), r.producedOn(), r.expiresOn(), r.quantity(), r.costFen(), now});
            } else {
                addStock.add(new Object[] {r.quantity(), r.expiresOn(), r.producedOn(), now, id});
            }
            if (r.quantity() > 0) {
                moves.add(new Object[] {UuidV7.next(clock), r.sku(), Stock.STATION, r.batch(), id, r.location(), r.quantity(), r.costFen(), reference,
                        clerk, terminal, now});
            }
        }
        batch.batchUpdate("""
                INSERT INTO inventory_stock (id, sku, owner, batch, location, produced_on, expires_on, quantity, cost_fen, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", newStock);
        batch.batchUpdate("""
                UPDATE inventory_stock SET quantity = quantity + ?, expires_on = COALESCE(expires_on, ?), produced_on = COALESCE(produced_on, ?),
                       updated_at = ? WHERE id = ?""", addStock);
        batch.batchUpdate("""
                INSERT INTO inventory_move (id, type, sku, owner, batch, stock_id, to_location, quantity, cost_fen, reference, clerk, terminal, moved_at)
                VALUES (?, 'RECEIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", moves);
    }

    /** A template to fill in: the header and two example rows, as XLSX. */
    public static byte[] templateXlsx() {
        return ImportRows.templateXlsx();
    }

    /** The same template as CSV (UTF-8 with BOM). */
    public static byte[] templateCsv() {
        return ImportRows.templateCsv();
    }
}

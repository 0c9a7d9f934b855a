package io.yizhan.station.inventory;

import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock on hand per SKU × owner × batch × location, changed only through moves recorded in the same
 * transaction. Every decrement is one guarded update ({@code … AND quantity >= n}), so two counters
 * taking the last unit at once leave exactly one sale; outgoing moves without a batch take the batch
 * that expires first (FEFO).
 */
@Service
public class Stock {

    /** The owner of the station's own stock (consignors own theirs). */
    public static final String STATION = "STATION";
    /** Guarded decrements that lost a race are retried this often before the sale is refused. */
    private static final int ROUNDS = 20;

    private final JdbcClient jdbc;
    private final Goods goods;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Stock(JdbcClient jdbc, Goods goods, Clock clock, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.goods = goods;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /** Stock rows taken by a sale line: where from and how much. */
    public record Taken(UUID stockId, String batch, String location, long quantity) {
    }

    private static final String LEVEL_COLUMNS = "id, sku, owner, batch, location, produced_on, expires_on, quantity";
    /** First expiring first; rows without an expiry last. */
    private static final String FEFO = " ORDER BY CASE WHEN expires_on IS NULL THEN 1 ELSE 0 END, expires_on, produced_on, id";

    private static StockLevel level(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StockLevel(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getLong(8));
    }

    /** Every stock row of a SKU, first expiring first (rows at zero included until something else is there). */
    public List<StockLevel> levels(String sku) {
        return jdbc.sql("SELECT " + LEVEL_COLUMNS + " FROM inventory_stock WHERE sku = ?" + FEFO).param(sku)
                .query((rs, i) -> level(rs)).list();
    }

    /** Stock rows at a location (all SKUs). */
    public List<StockLevel> at(String location) {
        return jdbc.sql("SELECT " + LEVEL_COLUMNS + " FROM inventory_stock WHERE location = ? ORDER BY sku" ).param(location)
                .query((rs, i) -> level(rs)).list();
    }

    /** True when an owner (a consignor) still has stock at the station, above or below zero. */
    public boolean holdsStock(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM inventory_stock WHERE owner = ? AND quantity <> 0").param(owner).query(Long.class).single() > 0;
    }

    /** The locations that hold stock rows. */
    public List<String> locations() {
        return jdbc.sql("SELECT DISTINCT location FROM inventory_stock ORDER BY location").query(String.class).list();
    }

    /**
     * Takes {@code quantity} of a SKU's stock for a sale (the station's, or a consignor's lot), first expiring first, with
     * SALE moves referencing {@code reference}; must run in the sale's transaction. Refused with
     * {@code OUT_OF_STOCK} when there is not enough, unless {@code belowZeroAllowed} (a manager allowed it
     * for this sale): then the rest is taken from the first-expiring row, which goes below zero.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Taken> take(String sku, long quantity, String reference, boolean belowZeroAllowed) {
        return take(sku, quantity, reference, belowZeroAllowed, 0);
    }

    /**
     * As {@link #take(String, long, String, boolean)}, where the quantity is known only to within
     * {@code toleranceGrams} (price-embedded labels: the weight derived from the printed price is
     * rounded): a shortfall no larger than that is the rounding, not missing stock — what is there is
     * taken and the sale goes on.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Taken> take(String sku, long quantity, String reference, boolean belowZeroAllowed, long toleranceGrams) {
        Sku good = goods.find(sku).orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "inventory.error.no-sku", sku, sku));
        if (quantity <= 0) {
            throw new InventoryRefused("BAD_QUANTITY", 400, "inventory.error.quantity", sku);
        }
        List<Taken> taken = new ArrayList<>();
        long need = quantity;
        for (int round = 0; round < ROUNDS && need > 0; round++) {
            // whoever owns it (the station, or consignors whose lots share the SKU): first expiring, then first received
            List<StockLevel> rows = jdbc.sql("SELECT " + LEVEL_COLUMNS + " FROM inventory_stock WHERE sku = ? AND quantity > 0" + FEFO)
                    .param(sku).query((rs, i) -> level(rs)).list();
            if (rows.isEmpty()) {
                break;
            }
            boolean lost = false;
            for (StockLevel row : rows) {
                long n = Math.min(need, row.quantity());
                if (decrement(row.id(), n)) {
                    taken.add(record(MoveType.SALE, row, n, reference, null));
                    need -= n;
                    if (need == 0) {
                        break;
                    }
                } else {
                    lost = true; // another counter took from this row meanwhile: read again
                    break;
                }
            }
            if (!lost && need > 0) {
                break;
            }
        }
        if (need > 0 && need <= toleranceGrams && !taken.isEmpty()) {
            return taken;
        }
        if (need > 0) {
            if (!belowZeroAllowed) {
                throw InventoryRefused.outOfStock(sku, good.name());
            }
            StockLevel row = jdbc.sql("SELECT " + LEVEL_COLUMNS + " FROM inventory_stock WHERE sku = ?" + FEFO + " FETCH FIRST 1 ROWS ONLY")
                    .param(sku).query((rs, i) -> level(rs)).optional()
                    .orElseGet(() -> row(sku, STATION, "", "", null, null, null));
            jdbc.sql("UPDATE inventory_stock SET quantity = quantity - ?, updated_at = ? WHERE id = ?").params(need, now(), row.id()).update();
            taken.add(record(MoveType.SALE, row, need, reference, "BELOW_ZERO"));
            audit.record("inventory.below-zero", sku + " " + need + " " + reference);
        }
        return taken;
    }

    /**
     * Puts back what a sale took (a cancelled sale: its payment failed): a RETURN move onto each row
     * it took from, for what has not gone back yet. Idempotent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reverse(String reference) {
        for (Outstanding o : outstanding(reference, null)) {
            putOnto(o, o.quantity(), reference, "CANCELLED");
        }
    }

    /**
     * A customer brings back {@code quantity} of a SKU they bought in sale {@code reference}: RETURN
     * moves onto the rows the sale took it from (the last taken first).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StockPart> putBack(String reference, String sku, long quantity) {
        long left = quantity;
        List<Outstanding> rows = new ArrayList<>(outstanding(reference, sku));
        java.util.Collections.reverse(rows);
        List<StockPart> back = new ArrayList<>();
        for (Outstanding o : rows) {
            long n = Math.min(left, o.quantity());
            if (n > 0) {
                StockLevel row = putOnto(o, n, reference, "CUSTOMER");
                back.add(new StockPart(row.sku(), row.owner(), row.batch(), n));
                left -= n;
            }
        }
        if (left > 0) {
            throw new InventoryRefused("RETURN_EXCEEDS_SALE", 409, "sales.error.return-exceeds", sku);
        }
        return back;
    }

    /**
     * What a sale ({@code reference}) took and has not had back, by SKU, owner and batch, in the order
     * it was taken: whose goods were sold, so a consignor's lot is paid for what left the shelf.
     */
    public List<StockPart> sold(String reference) {
        return jdbc.sql("""
                        SELECT sku, owner, batch, SUM(CASE WHEN type = 'SALE' THEN quantity ELSE -quantity END) FROM inventory_move
                        WHERE reference = ? AND type IN ('SALE', 'RETURN')
                        GROUP BY sku, owner, batch HAVING SUM(CASE WHEN type = 'SALE' THEN quantity ELSE -quantity END) > 0
                        ORDER BY MIN(moved_at), sku, owner, batch""")
                .param(reference).query((rs, i) -> new StockPart(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    private record Outstanding(UUID stockId, long quantity) {
    }

    /** Per stock row, what the sale took and has not had back yet. */
    private List<Outstanding> outstanding(String reference, @Nullable String sku) {
        return jdbc.sql("""
                        SELECT stock_id, SUM(CASE WHEN type = 'SALE' THEN quantity ELSE -quantity END), MIN(moved_at) FROM inventory_move
                        WHERE reference = ? AND type IN ('SALE', 'RETURN') AND (? IS NULL OR sku = ?)
                        GROUP BY stock_id HAVING SUM(CASE WHEN type = 'SALE' THEN quantity ELSE -quantity END) > 0 ORDER BY MIN(moved_at), stock_id""")
                .params(reference, sku, sku).query((rs, i) -> new Outstanding(rs.getObject(1, UUID.class), rs.getLong(2))).list();
    }

    private StockLevel putOnto(Outstanding o, long n, String reference, String reason) {
        jdbc.sql("UPDATE inventory_stock SET quantity = quantity + ?, updated_at = ? WHERE id = ?").params(n, now(), o.stockId()).update();
        StockLevel row = byId(o.stockId());
        record(MoveType.RETURN, row, n, reference, reason);
        return row;
    }

    /**
     * A move staff or the API ask for (receiving, transfer, write-off, adjustment, return, a sale-out
     * without the sales counter). Published as {@link StockMoved}, except sale-outs.
     */
    @Transactional
    public UUID move(MoveRequest request) {
        Sku sku = goods.find(request.sku() == null ? "" : request.sku().strip())
                .orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "inventory.error.no-sku", request.sku(), request.sku()));
        if (request.type() == null) {
            throw new InventoryRefused("BAD_TYPE", 400, "inventory.error.move-type");
        }
        long quantity = request.quantity();
        if (quantity == 0 || (quantity < 0 && request.type() != MoveType.ADJUST) || Math.abs(quantity) > 100_000_000L) {
            throw new InventoryRefused("BAD_QUANTITY", 400, "inventory.error.quantity", sku.sku());
        }
        String batch = text(request.batch(), 40);
        String from = location(request.from());
        String to = location(request.to());
        @Nullable String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip().toUpperCase(Locale.ROOT);
        if (request.expiresOn() != null && request.producedOn() != null && request.expiresOn().isBefore(request.producedOn())) {
            throw new InventoryRefused("BAD_DATE", 400, "inventory.error.expiry-before-production", sku.sku());
        }
        String reference = "move:" + UuidV7.next(clock);
        List<MoveLine> lines = new ArrayList<>();
        switch (request.type()) {
            case RECEIVE, RETURN -> {
                StockLevel row = row(sku.sku(), STATION, batch, to, request.producedOn(), request.expiresOn(), request.costFen());
                increment(row.id(), quantity);
                lines.add(new MoveLine(record(request.type(), row, quantity, reference, reason, request.costFen(), null), null, to));
            }
            case WRITE_OFF, SALE -> {
                if (request.type() == MoveType.WRITE_OFF && (reason == null || !isWriteOffReason(reason))) {
                    throw new InventoryRefused("BAD_REASON", 400, "inventory.error.write-off-reason", sku.sku());
                }
                for (Taken t : takeFrom(sku, from, batch, quantity)) {
                    lines.add(new MoveLine(record(request.type(), byId(t.stockId()), t.quantity(), reference, reason, null, null), t.location(), null));
                }
            }
            case TRANSFER -> {
                if (request.to() == null || request.to().isBlank() || to.equals(from)) {
                    throw new InventoryRefused("BAD_LOCATION", 400, "inventory.error.transfer-to", sku.sku());
                }
                for (Taken t : takeFrom(sku, from, batch, quantity)) {
                    StockLevel source = byId(t.stockId());
                    StockLevel target = row(sku.sku(), source.owner(), source.batch(), to, source.producedOn(), source.expiresOn(), null);
                    increment(target.id(), t.quantity());
                    lines.add(new MoveLine(record(MoveType.TRANSFER, source, t.quantity(), reference, reason, null, target), source.location(), to));
                }
            }
            case ADJUST -> {
                String at = request.to() != null ? to : from;
                StockLevel row = row(sku.sku(), STATION, batch, at, request.producedOn(), request.expiresOn(), null);
                if (quantity < 0 && !decrement(row.id(), -quantity)) {
                    throw new InventoryRefused("BAD_QUANTITY", 409, "inventory.error.adjust-below-zero", sku.sku());
                }
                if (quantity > 0) {
                    increment(row.id(), quantity);
                }
                lines.add(new MoveLine(record(MoveType.ADJUST, row, quantity, reference, reason, null, null), at, at));
            }
        }
        for (MoveLine line : lines) {
            if (request.type() != MoveType.SALE) {
                events.publishEvent(new StockMoved(UuidV7.next(clock), line.move().id(), request.type().name(), sku.sku(), line.move().owner(),
                        line.move().batch(), line.from(), line.to(), line.move().quantity(), reason, audit.currentActor(), clock.instant()));
            }
        }
        audit.record("inventory.move." + request.type().name().toLowerCase(Locale.ROOT), sku.sku() + " " + quantity + (reason == null ? "" : " " + reason));
        return lines.getFirst().move().id();
    }

    /**
     * Receives stock that someone other than the station owns (a consignor's lot): a RECEIVE move with
     * that owner, the lot number as the batch. Published as {@link StockMoved}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID receiveOwned(String sku, String owner, String batch, String location, long quantity, @Nullable LocalDate producedOn,
                             @Nullable LocalDate expiresOn, String reference) {
        if (quantity <= 0 || owner.equals(STATION)) {
            throw new InventoryRefused("BAD_QUANTITY", 400, "inventory.error.quantity", sku);
        }
        StockLevel row = row(sku, owner, batch, location(location), producedOn, expiresOn, null);
        increment(row.id(), quantity);
        Move move = record(MoveType.RECEIVE, row, quantity, reference, null, null, null);
        events.publishEvent(new StockMoved(UuidV7.next(clock), move.id(), MoveType.RECEIVE.name(), sku, owner, batch, null, row.location(), quantity,
                null, audit.currentActor(), clock.instant()));
        return move.id();
    }

    /** What an owner (a consignor) has at the station, per SKU, batch and location. */
    public List<StockLevel> ofOwner(String owner) {
        return jdbc.sql("SELECT " + LEVEL_COLUMNS + " FROM inventory_stock WHERE owner = ? AND quantity > 0 ORDER BY batch, location")
                .param(owner).query((rs, i) -> level(rs)).list();
    }

    /**
     * Takes an owner's batch (a consignor's lot) out of stock without a sale — spoiled, handed back to
     * its owner, donated: WRITE_OFF moves with the reason, from wherever the batch lies, guarded.
     * Refused with {@code OUT_OF_STOCK} when less is there. Published as {@link StockMoved}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removeOwned(String sku, String owner, String batch, long quantity, String reason, String reference) {
        if (quantity <= 0) {
            throw new InventoryRefused("BAD_QUANTITY", 400, "inventory.error.quantity", sku);
        }
        List<StockLevel> rows = jdbc.sql("SELECT " + LEVEL_COLUMNS + " FROM inventory_stock WHERE sku = ? AND owner = ? AND batch = ? AND quantity > 0"
                + FEFO).params(sku, owner, batch).query((rs, i) -> level(rs)).list();
        long need = quantity;
        for (StockLevel row : rows) {
            long n = Math.min(need, row.quantity());
            if (n > 0 && decrement(row.id(), n)) {
                Move move = record(MoveType.WRITE_OFF, row, n, reference, reason, null, null);
                events.publishEvent(new StockMoved(UuidV7.next(clock), move.id(), MoveType.WRITE_OFF.name(), sku, owner, batch, row.location(), null, n,
                        reason, audit.currentActor(), clock.instant()));
                need -= n;
            }
            if (need == 0) {
                return;
            }
        }
        throw new InventoryRefused("OUT_OF_STOCK", 409, "inventory.error.out-of-stock", sku, sku);
    }

    /** The moves of a stocktake's posting: one ADJUST per difference (signed) onto the location's rows. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void adjust(String sku, String location, long difference, String reference) {
        if (difference == 0) {
            return;
        }
        Sku good = goods.find(sku).orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "inventory.error.no-sku", sku, sku));
        if (difference > 0) {
            List<StockLevel> rows = jdbc.sql("SELECT " + LEVEL_COLUMNS + " FROM inventory_stock WHERE sku = ? AND owner = ? AND location = ?" + FEFO)
                    .params(sku, STATION, location).query((rs, i) -> level(rs)).list();
            StockLevel row = rows.isEmpty() ? row(sku, STATION, "", location, null, null, null) : rows.getLast();
            increment(row.id(), difference);
            publishAdjust(record(MoveType.ADJUST, row, difference, reference, "STOCKTAKE", null, null), location);
            return;
        }
        long left = -difference;
        List<StockLevel> rows = jdbc.sql("SELECT " + LEVEL_COLUMNS + " FROM inventory_stock WHERE sku = ? AND owner = ? AND location = ? AND quantity > 0" + FEFO)
                .params(sku, STATION, location).query((rs, i) -> level(rs)).list();
        for (StockLevel row : rows) {
            long n = Math.min(left, row.quantity());
            if (n > 0 && decrement(row.id(), n)) {
                publishAdjust(record(MoveType.ADJUST, row, -n, reference, "STOCKTAKE", null, null), location);
                left -= n;
            }
        }
        if (left > 0) {
            // the shelf had less than the system said and it was sold since: what is left of the difference is recorded too
            StockLevel row = rows.isEmpty() ? row(good.sku(), STATION, "", location, null, null, null) : rows.getFirst();
            jdbc.sql("UPDATE inventory_stock SET quantity = quantity - ?, updated_at = ? WHERE id = ?").params(left, now(), row.id()).update();
            publishAdjust(record(MoveType.ADJUST, row, -left, reference, "STOCKTAKE", null, null), location);
        }
    }

    private void publishAdjust(Move move, String location) {
        events.publishEvent(new StockMoved(UuidV7.next(clock), move.id(), MoveType.ADJUST.name(), move.sku(), move.owner(), move.batch(), location,
                location, move.quantity(), "STOCKTAKE", audit.currentActor(), clock.instant()));
    }

    private static boolean isWriteOffReason(String reason) {
        for (WriteOffReason r : WriteOffReason.values()) {
            if (r.name().equals(reason)) {
                return true;
            }
        }
        return false;
    }

    private record MoveLine(Move move, @Nullable String from, @Nullable String to) {
    }

    private record Move(UUID id, String sku, String owner, String batch, long quantity) {
    }

    /** Takes from a location (a given batch, or first expiring first), guarded; refused when there is not enough. */
    private List<Taken> takeFrom(Sku sku, String from, String batch, long quantity) {
        List<Taken> taken = new ArrayList<>();
        long need = quantity;
        for (int round = 0; round < ROUNDS && need > 0; round++) {
            List<StockLevel> rows = jdbc.sql("SELECT " + LEVEL_COLUMNS + " FROM inventory_stock WHERE sku = ? AND owner = ? AND location = ? AND quantity > 0"
                            + (batch.isEmpty() ? "" : " AND batch = ?") + FEFO)
                    .params(batch.isEmpty() ? new Object[] {sku.sku(), STATION, from} : new Object[] {sku.sku(), STATION, from, batch})
                    .query((rs, i) -> level(rs)).list();
            long available = rows.stream().mapToLong(StockLevel::quantity).sum();
            if (available < need) {
                throw new InventoryRefused("OUT_OF_STOCK", 409, "inventory.error.not-at-location", sku.sku(), sku.name(), from);
            }
            for (StockLevel row : rows) {
                long n = Math.min(need, row.quantity());
                if (!decrement(row.id(), n)) {
                    break;
                }
                taken.add(new Taken(row.id(), row.batch(), row.location(), n));
                need -= n;
                if (need == 0) {
                    break;
                }
            }
        }
        if (need > 0) {
            throw new InventoryRefused("OUT_OF_STOCK", 409, "inventory.error.not-at-location", sku.sku(), sku.name(), from);
        }
        return taken;
    }

    private boolean decrement(UUID stockId, long n) {
        return jdbc.sql("UPDATE inventory_stock SET quantity = quantity - ?, updated_at = ? WHERE id = ? AND quantity >= ?")
                .params(n, now(), stockId, n).update() == 1;
    }

    private void increment(UUID stockId, long n) {
        jdbc.sql("UPDATE inventory_stock SET quantity = quantity + ?, updated_at = ? WHERE id = ?").params(n, now(), stockId).update();
    }

    private StockLevel byId(UUID id) {
        return jdbc.sql("SELECT " + LEVEL_COLUMNS + " FROM inventory_stock WHERE id = ?").param(id).query((rs, i) -> level(rs)).single();
    }

    /** The stock row of this SKU, owner, batch and location, created at zero when there is none. */
    StockLevel row(String sku, String owner, String batch, String location, @Nullable LocalDate producedOn, @Nullable LocalDate expiresOn,
                   @Nullable Long costFen) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<StockLevel> found = jdbc.sql("SELECT " + LEVEL_COLUMNS + " FROM inventory_stock WHERE sku = ? AND owner = ? AND batch = ? AND location = ?")
                    .params(sku, owner, batch, location).query((rs, i) -> level(rs)).optional();
            if (found.isPresent()) {
                if ((expiresOn != null && found.get().expiresOn() == null) || (producedOn != null && found.get().producedOn() == null)) {
                    jdbc.sql("UPDATE inventory_stock SET expires_on = COALESCE(expires_on, ?), produced_on = COALESCE(produced_on, ?) WHERE id = ?")
                            .params(expiresOn, producedOn, found.get().id()).update();
                    return byId(found.get().id());
                }
                return found.get();
            }
            try {
                UUID id = UuidV7.next(clock);
                jdbc.sql("""
                                INSERT INTO inventory_stock (id, sku, owner, batch, location, produced_on, expires_on, quantity, cost_fen, updated_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                        .params(id, sku, owner, batch, location, producedOn, expiresOn, costFen, now()).update();
                return byId(id);
            } catch (DuplicateKeyException raced) {
                // another request created it a moment ago: read it
            }
        }
        throw new IllegalStateException("stock row " + sku + "/" + batch + "/" + location + " could not be created");
    }

    private Taken record(MoveType type, StockLevel row, long quantity, String reference, @Nullable String reason) {
        Move m = record(type, row, quantity, reference, reason, null, null);
        return new Taken(row.id(), row.batch(), row.location(), m.quantity());
    }

    private Move record(MoveType type, StockLevel row, long quantity, String reference, @Nullable String reason, @Nullable Long costFen,
                        @Nullable StockLevel to) {
        UUID id = UuidV7.next(clock);
        boolean out = type == MoveType.SALE || type == MoveType.WRITE_OFF || type == MoveType.TRANSFER;
        jdbc.sql("""
                        INSERT INTO inventory_move (id, type, sku, owner, batch, stock_id, to_stock_id, from_location, to_location, quantity, cost_fen,
                                                    reason, reference, clerk, terminal, moved_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, type.name(), row.sku(), row.owner(), row.batch(), row.id(), to == null ? null : to.id(),
                        out || type == MoveType.ADJUST ? row.location() : null,
                        to != null ? to.location() : out ? null : row.location(), quantity, costFen, reason, reference,
                        audit.currentActor(), CurrentTerminal.name(), now())
                .update();
        return new Move(id, row.sku(), row.owner(), row.batch(), quantity);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static String text(@Nullable String s, int max) {
        String t = s == null ? "" : s.strip();
        if (t.length() > max) {
            throw new InventoryRefused("BAD_TEXT", 400, "inventory.error.too-long");
        }
        return t;
    }

    /** A location code (货位) as typed: upper case, at most 20 characters; blank is "none". */
    public static String location(@Nullable String s) {
        String t = text(s, 20).toUpperCase(Locale.ROOT);
        if (!t.isEmpty() && !t.matches("[A-Z0-9][A-Z0-9._-]*")) {
            throw new InventoryRefused("BAD_LOCATION", 400, "inventory.error.location");
        }
        return t;
    }
}

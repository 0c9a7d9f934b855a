package io.yizhan.station.inventory;

import io.yizhan.station.inventory.internal.InventoryProperties;
import io.yizhan.station.shared.StationTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Warning thresholds and, beside each, a safety-stock suggestion (seed 003): average daily sales over
 * the last {@code sales-window-days} × (replenishment lead time + buffer days), rounded up. The
 * low-stock list holds goods at or below their threshold; the near-expiry list batches with stock
 * that expire within {@code near-expiry-days}.
 */
@Service
public class Thresholds {

    private final JdbcClient jdbc;
    private final InventoryProperties rules;
    private final Clock clock;
    private final StationTime time;

    Thresholds(JdbcClient jdbc, InventoryProperties rules, Clock clock, StationTime time) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
        this.time = time;
    }

    /** A good at or below its threshold: on hand, threshold and the suggested safety stock (pieces or grams). */
    public record Low(String sku, String name, Unit unit, long onHand, long threshold, long suggestion) {
    }

    /** A batch close to its expiry date (or past it). */
    public record NearExpiry(String sku, String name, Unit unit, String batch, String location, LocalDate expiresOn, long quantity) {
    }

    public List<Low> lowStock() {
        OffsetDateTime since = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(rules.salesWindowDays());
        return jdbc.sql("""
                        SELECT s.sku, s.name, s.unit, COALESCE(h.on_hand, 0), s.threshold, COALESCE(m.sold, 0)
                        FROM inventory_sku s
                        LEFT JOIN (SELECT sku, SUM(quantity) AS on_hand FROM inventory_stock GROUP BY sku) h ON h.sku = s.sku
                        LEFT JOIN (SELECT sku, SUM(CASE WHEN type = 'SALE' THEN quantity ELSE -quantity END) AS sold FROM inventory_move
                                   WHERE moved_at >= ? AND (type = 'SALE' OR (type = 'RETURN' AND reference LIKE 'sale:%')) GROUP BY sku) m ON m.sku = s.sku
                        WHERE s.threshold > 0 AND COALESCE(h.on_hand, 0) <= s.threshold
                        ORDER BY COALESCE(h.on_hand, 0) - s.threshold, s.name""")
                .param(since)
                .query((rs, i) -> new Low(rs.getString(1), rs.getString(2), Unit.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(5),
                        suggestion(rs.getLong(6))))
                .list();
    }

    /** How many goods are at or below their threshold (for the status strip: no sales history read). */
    public int lowStockCount() {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM inventory_sku s
                        LEFT JOIN (SELECT sku, SUM(quantity) AS on_hand FROM inventory_stock GROUP BY sku) h ON h.sku = s.sku
                        WHERE s.threshold > 0 AND COALESCE(h.on_hand, 0) <= s.threshold""").query(Integer.class).single();
    }

    /** How many batches with stock expire within the near-expiry days. */
    public int nearExpiryCount() {
        LocalDate until = time.date(clock.instant()).plusDays(rules.nearExpiryDays());
        return jdbc.sql("SELECT COUNT(*) FROM inventory_stock WHERE expires_on <= ? AND quantity > 0").param(until).query(Integer.class).single();
    }

    /** The safety stock suggested for a good that sold {@code sold} (pieces or grams) in the window. */
    public long suggestion(long sold) {
        long days = (long) rules.leadTimeDays() + rules.bufferDays();
        // ceil(sold ÷ window × days), in integers
        return Math.max(0, (Math.max(0, sold) * days + rules.salesWindowDays() - 1) / rules.salesWindowDays());
    }


    public List<NearExpiry> nearExpiry() {
        LocalDate until = time.date(clock.instant()).plusDays(rules.nearExpiryDays());
        return jdbc.sql("""
                        SELECT s.sku, s.name, s.unit, t.batch, t.location, t.expires_on, t.quantity
                        FROM inventory_stock t JOIN inventory_sku s ON s.sku = t.sku
                        WHERE t.quantity > 0 AND t.expires_on IS NOT NULL AND t.expires_on <= ?
                        ORDER BY t.expires_on, s.name""")
                .param(until)
                .query((rs, i) -> new NearExpiry(rs.getString(1), rs.getString(2), Unit.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getLong(7)))
                .list();
    }

    public int nearExpiryDays() {
        return rules.nearExpiryDays();
    }
}

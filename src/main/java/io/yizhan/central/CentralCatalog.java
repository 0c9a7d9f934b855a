package io.yizhan.central;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.SVGLoader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import io.yizhan.contract.CatalogEntry;
import io.yizhan.contract.FeedItem;
import io.yizhan.contract.ShopOffer;
import tools.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * The platform's catalog for assisted buying. In demo mode an empty catalog is filled from
 * {@code catalog/demo-catalog.yml}: about 200 products in 8 categories, each with a Twemoji picture
 * (graphics © Twitter, Inc and other contributors, CC-BY 4.0) fetched from the npm registry at build
 * time. Pictures are rendered from their SVG to PNG once and kept in memory.
 */
@Service
public class CentralCatalog {

    /** A product's stock on hand (what is reserved included) and what is reserved. */
    public record StockLevel(long stock, long reserved) {
    }

    /** Picture edge in pixels: a thumbnail of a few kilobytes that still reads on the kiosk. */
    static final int PICTURE_PX = 192;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean demo;
    private final Map<String, byte[]> pictures = new ConcurrentHashMap<>();
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final JsonMapper json;

    private final long demoSize;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    CentralCatalog(JdbcClient jdbc, TransactionTemplate tx, Clock clock, @Value("${yizhan.central.demo:false}") boolean demo, JsonMapper json,
                   @Value("${yizhan.central.demo-catalog-size:0}") long demoSize, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.demoSize = demoSize;
        this.batch = batch;
        this.json = json;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillDemoCatalog() {
        if (demo && jdbc.sql("SELECT COUNT(*) FROM central_product").query(Long.class).single() == 0) {
            load(CentralCatalog.class.getResourceAsStream("/catalog/demo-catalog.yml"));
            if (demoSize > count()) {
                generate((int) (demoSize - count()));
            }
        }
    }

    /**
     * For the benchmark ({@code yizhan.central.demo-catalog-size}, e.g. 20000): more products made
     * from the demo ones, two variants to an item, reusing their pictures (so the stations fetch each
     * picture once, by its content's hash).
     */
    void generate(int n) {
        List<Object[]> base = jdbc.sql("SELECT category, name, variant, description, price_fen, picture FROM central_product ORDER BY product_id")
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)})
                .list();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        tx.executeWithoutResult(s -> {
            long version = versions(n);
            List<Object[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object[] b = base.get(i % base.size());
                // products i and i + 200 copy the same demo product: one item (same category) in two variants
                boolean second = i % 400 >= 200;
                rows.add(new Object[] {String.format("B%06d", i), String.format("BG%03d-%03d", i % 200, i / 400), b[0], b[1] + " " + (i / 400 + 2) + "号",
                        second ? "实惠装" : "标准装", b[3], (Long) b[4] + (second ? 500 : 0), 1000L, b[5], now, version + i, 1000L});
            }
            batch.batchUpdate("""
                    INSERT INTO central_product (product_id, group_id, category, name, variant, description, price_fen, stock, picture, updated_at,
                        version, published_available) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        });
    }

    /**
     * Takes {@code n} catalog versions, holding the catalog clock's row lock until the caller's
     * transaction commits: catalog changes commit in version order, so a pull by cursor never skips one.
     *
     * @return the first of the {@code n} versions
     */
    long versions(int n) {
        long last = jdbc.sql("SELECT last_version FROM central_catalog_clock WHERE id = 1 FOR UPDATE").query(Long.class).single();
        jdbc.sql("UPDATE central_catalog_clock SET last_version = ? WHERE id = 1").param(last + n).update();
        return last + 1;
    }

    @SuppressWarnings("unchecked")
    void load(@Nullable InputStream in) {
        if (in == null) {
            throw new IllegalStateException("catalog/demo-catalog.yml is missing");
        }
        Map<String, Object> data;
        try (in) {
            data = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Map<String, Object>> categories = (List<Map<String, Object>>) data.get("categories");
        List<Map<String, Object>> products = (List<Map<String, Object>>) data.get("products");
        List<Map<String, Object>> offers = (List<Map<String, Object>>) data.getOrDefault("offers", List.of());
        tx.executeWithoutResult(s -> {
            long version = versions(categories.size() + products.size() + offers.size());
            int position = 0;
            for (Map<String, Object> c : categories) {
                jdbc.sql("INSERT INTO central_category (code, name, picture, position, version) VALUES (?, ?, ?, ?, ?)")
                        .params(c.get("code"), c.get("name"), String.valueOf(c.get("picture")), position++, version++).update();
            }
            for (Map<String, Object> p : products) {
                long stock = ((Number) p.get("stock")).longValue();
                jdbc.sql("""
                                INSERT INTO central_product (product_id, group_id, category, name, variant, description, price_fen, stock, picture, updated_at,
                                    version, published_available)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(p.get("productId"), p.get("groupId"), p.get("category"), p.get("name"),
                                p.get("variant") == null ? null : String.valueOf(p.get("variant")), p.get("description"),
                                ((Number) p.get("priceFen")).longValue(), stock, String.valueOf(p.get("picture")), now, version++, stock)
                        .update();
            }
            for (Map<String, Object> o : offers) {
                jdbc.sql("""
                                INSERT INTO central_offer (id, kind, description, category, percent_off, threshold_fen, amount_off_fen, valid_from, valid_to, version)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(o.get("id"), o.get("kind"), o.get("description"), o.get("category"), o.get("percentOff"),
                                ((Number) o.getOrDefault("thresholdFen", 0)).longValue(), o.get("amountOffFen") == null ? null
                                        : ((Number) o.get("amountOffFen")).longValue(), now,
                                now.plusDays(((Number) o.get("days")).longValue()), version++)
                        .update();
            }
        });
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM central_product").query(Long.class).single();
    }

    /** The catalog feed after {@code after}: categories, products and offers changed since, in version order. */
    public List<FeedItem> feed(long after, int limit) {
        List<FeedItem> items = new ArrayList<>();
        jdbc.sql("SELECT code, name, picture, position, version FROM central_category WHERE version > ? ORDER BY version FETCH FIRST ? ROWS ONLY")
                .params(after, limit).query((rs, n) -> {
                    String picture = rs.getString(3);
                    return item(rs.getLong(5), "category:" + rs.getString(1), new CatalogEntry(CatalogEntry.CATEGORY,
                            new CatalogEntry.Category(rs.getString(1), rs.getString(2), picture, pictureHash(picture), rs.getInt(4)), null, null));
                }).list().forEach(items::add);
        jdbc.sql("""
                        SELECT product_id, group_id, category, name, variant, description, price_fen, published_available, picture, version
                        FROM central_product WHERE version > ? ORDER BY version FETCH FIRST ? ROWS ONLY""")
                .params(after, limit).query((rs, n) -> {
                    String picture = rs.getString(9);
                    return item(rs.getLong(10), "product:" + rs.getString(1), new CatalogEntry(CatalogEntry.PRODUCT, null,
                            new CatalogEntry.Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getString(6), rs.getLong(7), rs.getLong(8), picture, pictureHash(picture)), null));
                }).list().forEach(items::add);
        jdbc.sql("""
                        SELECT id, kind, description, category, percent_off, threshold_fen, amount_off_fen, valid_from, valid_to, version
                        FROM central_offer WHERE version > ? ORDER BY version FETCH FIRST ? ROWS ONLY""")
                .params(after, limit).query((rs, n) -> item(rs.getLong(10), "offer:" + rs.getString(1),
                        new CatalogEntry(CatalogEntry.OFFER, null, null, offer(rs)))).list().forEach(items::add);
        items.sort(java.util.Comparator.comparingLong(FeedItem::cursor));
        return items.size() > limit ? List.copyOf(items.subList(0, limit)) : items;
    }

    /** The offers that have not ended by {@code now}. */
    public List<ShopOffer> offers(java.time.Instant now) {
        return jdbc.sql("""
                        SELECT id, kind, description, category, percent_off, threshold_fen, amount_off_fen, valid_from, valid_to
                        FROM central_offer WHERE valid_to > ? ORDER BY id""")
                .param(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).query((rs, n) -> offer(rs)).list();
    }

    private static ShopOffer offer(java.sql.ResultSet rs) throws java.sql.SQLException {
        int percent = rs.getInt(5);
        Integer percentOff = rs.wasNull() ? null : percent;
        long amount = rs.getLong(7);
        Long amountOff = rs.wasNull() ? null : amount;
        return new ShopOffer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), percentOff, rs.getLong(6), amountOff,
                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getObject(9, OffsetDateTime.class).toInstant());
    }

    private FeedItem item(long version, String key, CatalogEntry entry) {
        return new FeedItem(FeedItem.CATALOG, version, key, json.valueToTree(entry));
    }

    /**
     * Tells the stations how much of each product can still be ordered where that changed since the
     * catalog feed last said: one new version per changed product.
     */
    public int publishAvailable() {
        return tx.execute(s -> {
            List<String> changed = jdbc.sql("SELECT product_id FROM central_product WHERE stock - reserved <> published_available ORDER BY product_id")
                    .query(String.class).list();
            if (changed.isEmpty()) {
                return 0;
            }
            long version = versions(changed.size());
            for (String id : changed) {
                jdbc.sql("UPDATE central_product SET published_available = stock - reserved, version = ? WHERE product_id = ?").params(version++, id)
                        .update();
            }
            return changed.size();
        });
    }

    /** The SHA-256 of a picture's PNG (hex), under which stations keep it once. */
    String pictureHash(String name) {
        return hashes.computeIfAbsent(name, n -> picture(n).map(io.yizhan.station.shared.Digests::sha256Hex).orElse(""));
    }

    /** A product as the operator manages it. */
    public record Product(String productId, String name, @Nullable String variant, String category, long priceFen, long stock, long reserved) {
    }

    /** Products by id or name (the operator's search), at most 50. */
    public List<Product> find(String query) {
        String q = "%" + query.strip() + "%";
        return jdbc.sql("""
                        SELECT product_id, name, variant, category, price_fen, stock, reserved FROM central_product
                        WHERE product_id = ? OR name LIKE ? ORDER BY product_id FETCH FIRST 50 ROWS ONLY""")
                .params(query.strip().toUpperCase(java.util.Locale.ROOT), q)
                .query((rs, n) -> new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7))).list();
    }

    /**
     * The operator sets a product's price and stock on hand; the stations learn it on the catalog
     * feed. Stock never below what is reserved (those units are promised); orders placed before keep
     * the price the resident agreed to.
     *
     * @throws IllegalArgumentException a price of 0 or less, or stock below what is reserved
     */
    public void update(String productId, long priceFen, long stock) {
        tx.executeWithoutResult(s -> {
            long version = versions(1);
            if (priceFen <= 0 || jdbc.sql("""
                            UPDATE central_product SET price_fen = ?, stock = ?, published_available = ? - reserved, version = ?, updated_at = ?
                            WHERE product_id = ? AND reserved <= ?""")
                    .params(priceFen, stock, stock, version, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), productId, stock).update() == 0) {
                throw new IllegalArgumentException("a price above 0, and stock not below what is reserved");
            }
        });
    }

    /** A new time-limited offer from now for {@code days}; it reaches the stations on the catalog feed. */
    public void addOffer(ShopOffer offer) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO central_offer (id, kind, description, category, percent_off, threshold_fen, amount_off_fen, valid_from, valid_to, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(offer.id(), offer.kind(), offer.description(), offer.category(), offer.percentOff(), offer.thresholdFen(), offer.amountOffFen(),
                        OffsetDateTime.ofInstant(offer.validFrom(), ZoneOffset.UTC), OffsetDateTime.ofInstant(offer.validTo(), ZoneOffset.UTC), versions(1))
                .update());
    }

    /** Ends an offer now (orders placed from now on do not get it). */
    public void endOffer(String id) {
        tx.executeWithoutResult(s -> jdbc.sql("UPDATE central_offer SET valid_to = ?, version = ? WHERE id = ? AND valid_to > ?")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), versions(1), id, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update());
    }

    public List<CatalogEntry.Category> categories() {
        return jdbc.sql("SELECT code, name, picture, position FROM central_category ORDER BY position")
                .query((rs, n) -> new CatalogEntry.Category(rs.getString(1), rs.getString(2), rs.getString(3), "", rs.getInt(4))).list();
    }

    public Optional<StockLevel> stock(String productId) {
        return jdbc.sql("SELECT stock, reserved FROM central_product WHERE product_id = ?").param(productId)
                .query((rs, n) -> new StockLevel(rs.getLong(1), rs.getLong(2))).optional();
    }

    /** A picture as PNG ({@value #PICTURE_PX} px square), rendered from its Twemoji SVG the first time it is asked for. */
    public Optional<byte[]> picture(String name) {
        if (!name.matches("[0-9a-f]{2,8}(-[0-9a-f]{2,8}){0,6}")) {
            return Optional.empty();
        }
        URL svg = CentralCatalog.class.getResource("/catalog/twemoji/" + name + ".svg");
        if (svg == null) {
            return Optional.empty();
        }
        return Optional.of(pictures.computeIfAbsent(name, n -> render(svg)));
    }

    static byte[] render(URL svg) {
        SVGDocument document = new SVGLoader().load(svg);
        if (document == null) {
            throw new IllegalStateException("not an SVG: " + svg);
        }
        BufferedImage image = new BufferedImage(PICTURE_PX, PICTURE_PX, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double scale = PICTURE_PX / Math.max(document.size().width, document.size().height);
        g.scale(scale, scale);
        document.render(null, g);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package io.yizhan.station.shopping;

import io.yizhan.contract.ShopOffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The platform's catalog as the station last pulled it: usable while central is away. Search by
 * name or by the pinyin initials of the name (大米 → dm), within a category or across all.
 */
@Service
public class Catalog {

    /** Where the station serves a picture: {@code /catalog-pictures/{hash}.png} (anyone on the station, no personal data). */
    public static final String PICTURES = "/catalog-pictures/";

    public record Category(String code, String name, String pictureUrl, int position) {
    }

    public record Product(String productId, String groupId, String category, String name, @Nullable String variant, String description,
                          long priceFen, long stock, String pictureUrl) {

        /** The name with its variant: 东北大米 5kg. */
        public String fullName() {
            return variant == null ? name : name + " " + variant;
        }
    }

    public record Page(List<Product> items, long total) {
    }

    private final JdbcClient jdbc;
    private final PictureStore pictures;

    Catalog(JdbcClient jdbc, PictureStore pictures) {
        this.jdbc = jdbc;
        this.pictures = pictures;
    }

    public List<Category> categories() {
        return jdbc.sql("SELECT code, name, picture_hash, position FROM shopping_category ORDER BY position, code")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), PICTURES + rs.getString(3) + ".png", rs.getInt(4))).list();
    }

    /**
     * A page of products (page from 0), by category and/or query (name or pinyin initials), in
     * catalog order. One item's variants stay together.
     */
    public Page page(@Nullable String category, @Nullable String query, int page, int size) {
        String c = category == null || category.isBlank() ? null : category.strip();
        String q = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.ROOT);
        String where = " WHERE (CAST(:category AS VARCHAR(20)) IS NULL OR category = :category)"
                + " AND (CAST(:q AS VARCHAR(40)) IS NULL OR LOWER(name) LIKE :like OR initials LIKE :like OR product_id = :upper)";
        java.util.function.UnaryOperator<JdbcClient.StatementSpec> bind = sql -> sql.param("category", c).param("q", q)
                .param("like", "%" + escape(q) + "%").param("upper", q == null ? "" : q.toUpperCase(Locale.ROOT));
        long total = bind.apply(jdbc.sql("SELECT COUNT(*) FROM shopping_product" + where)).query(Long.class).single();
        List<Product> items = bind.apply(jdbc.sql(SELECT + where + " ORDER BY category, group_id, product_id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY"))
                .param("offset", (long) Math.max(0, page) * size).param("size", size).query((rs, n) -> product(rs)).list();
        return new Page(items, total);
    }

    private static String escape(@Nullable String q) {
        return q == null ? "" : q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static final String SELECT = "SELECT product_id, group_id, category, name, variant, description, price_fen, available, picture_hash FROM shopping_product";

    private static Product product(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                rs.getLong(8), PICTURES + rs.getString(9) + ".png");
    }

    /**
     * A page of items (one card per group: its cheapest variant) in a category, for the kiosk: never
     * a long list, always pages of {@code size}.
     */
    public Page items(String category, int page, int size) {
        String one = " FROM shopping_product p WHERE category = :category AND product_id = (SELECT MIN(q.product_id) FROM shopping_product q"
                + " WHERE q.group_id = p.group_id AND q.price_fen = (SELECT MIN(r.price_fen) FROM shopping_product r WHERE r.group_id = p.group_id))";
        long total = jdbc.sql("SELECT COUNT(*)" + one).param("category", category).query(Long.class).single();
        List<Product> items = jdbc.sql("SELECT product_id, group_id, category, name, variant, description, price_fen, available, picture_hash" + one
                        + " ORDER BY group_id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .param("category", category).param("offset", (long) Math.max(0, page) * size).param("size", size).query((rs, n) -> product(rs)).list();
        return new Page(items, total);
    }

    public Optional<Product> product(String productId) {
        return jdbc.sql(SELECT + " WHERE product_id = ?").param(productId).query((rs, n) -> product(rs)).optional();
    }

    /** The variants of one item (its size, weight or colour), cheapest first. */
    public List<Product> variants(String groupId) {
        return jdbc.sql(SELECT + " WHERE group_id = ? ORDER BY price_fen, product_id").param(groupId).query((rs, n) -> product(rs)).list();
    }

    /** The offers that have not ended by {@code now}. */
    public List<ShopOffer> offers(Instant now) {
        return jdbc.sql("""
                        SELECT id, kind, description, category, percent_off, threshold_fen, amount_off_fen, valid_from, valid_to
                        FROM shopping_offer WHERE valid_to > ? ORDER BY id""")
                .param(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).query((rs, n) -> {
                    int percent = rs.getInt(5);
                    Integer percentOff = rs.wasNull() ? null : percent;
                    long amount = rs.getLong(7);
                    Long amountOff = rs.wasNull() ? null : amount;
                    return new ShopOffer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), percentOff, rs.getLong(6), amountOff,
                            rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getObject(9, OffsetDateTime.class).toInstant());
                }).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM shopping_product").query(Long.class).single();
    }

    /** A cached picture's file, when the station has it. */
    public Optional<Path> picture(String hash) {
        return pictures.file(hash).filter(Files::isRegularFile);
    }

    /** How many pictures the catalog names that are not cached yet. */
    public long picturesMissing() {
        return jdbc.sql("SELECT COUNT(*) FROM shopping_picture_wanted").query(Long.class).single();
    }
}

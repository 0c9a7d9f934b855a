package io.yizhan.station.shopping.internal;

import io.yizhan.contract.CatalogEntry;
import io.yizhan.contract.FeedItem;
import io.yizhan.contract.ShopOffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the catalog feed in the transaction that moves its cursor: each category, product and
 * offer is written by its key (update, else insert), so a page applied twice changes nothing twice.
 * A picture the station does not have yet is noted for {@link PictureFetcher}.
 */
@Component
class CatalogFeed {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogFeed(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    void on(FeedItem item) {
        if (!item.feed().equals(FeedItem.CATALOG)) {
            return;
        }
        CatalogEntry entry = json.treeToValue(item.payload(), CatalogEntry.class);
        switch (entry.type()) {
            case CatalogEntry.CATEGORY -> category(java.util.Objects.requireNonNull(entry.category()));
            case CatalogEntry.PRODUCT -> product(java.util.Objects.requireNonNull(entry.product()));
            case CatalogEntry.OFFER -> offer(java.util.Objects.requireNonNull(entry.offer()));
            default -> throw new IllegalStateException("unknown catalog entry " + entry.type());
        }
    }

    private void category(CatalogEntry.Category c) {
        if (jdbc.sql("UPDATE shopping_category SET name = ?, picture = ?, picture_hash = ?, position = ? WHERE code = ?")
                .params(c.name(), c.picture(), c.pictureHash(), c.position(), c.code()).update() == 0) {
            jdbc.sql("INSERT INTO shopping_category (code, name, picture, picture_hash, position) VALUES (?, ?, ?, ?, ?)")
                    .params(c.code(), c.name(), c.picture(), c.pictureHash(), c.position()).update();
        }
        want(c.pictureHash(), c.picture());
    }

    private void product(CatalogEntry.Product p) {
        String initials = initials(p.name());
        if (jdbc.sql("""
                        UPDATE shopping_product SET group_id = ?, category = ?, name = ?, variant = ?, description = ?, price_fen = ?, available = ?,
                            picture = ?, picture_hash = ?, initials = ? WHERE product_id = ?""")
                .params(p.groupId(), p.category(), p.name(), p.variant(), p.description(), p.priceFen(), p.available(), p.picture(), p.pictureHash(),
                        initials, p.productId()).update() == 0) {
            jdbc.sql("""
                            INSERT INTO shopping_product (product_id, group_id, category, name, variant, description, price_fen, available, picture,
                                picture_hash, initials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(p.productId(), p.groupId(), p.category(), p.name(), p.variant(), p.description(), p.priceFen(), p.available(), p.picture(),
                            p.pictureHash(), initials).update();
        }
        want(p.pictureHash(), p.picture());
    }

    private void offer(ShopOffer o) {
        Object[] values = {o.kind(), o.description(), o.category(), o.percentOff(), o.thresholdFen(), o.amountOffFen(),
                OffsetDateTime.ofInstant(o.validFrom(), ZoneOffset.UTC), OffsetDateTime.ofInstant(o.validTo(), ZoneOffset.UTC), o.id()};
        if (jdbc.sql("""
                        UPDATE shopping_offer SET kind = ?, description = ?, category = ?, percent_off = ?, threshold_fen = ?, amount_off_fen = ?,
                            valid_from = ?, valid_to = ? WHERE id = ?""").params(values).update() == 0) {
            jdbc.sql("""
                            INSERT INTO shopping_offer (kind, description, category, percent_off, threshold_fen, amount_off_fen, valid_from, valid_to, id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
        }
    }

    private void want(String hash, String picture) {
        if (!hash.isEmpty() && jdbc.sql("SELECT COUNT(*) FROM shopping_picture_wanted WHERE picture_hash = ?").param(hash).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO shopping_picture_wanted (picture_hash, picture) VALUES (?, ?)").params(hash, picture).update();
        }
    }

    /** The first letters of the pinyin of each character (东北大米 → dbdm); letters and digits as they are, lower case. */
    static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (char ch : name.toCharArray()) {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(ch);
            if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                out.append(readings[0].charAt(0));
            } else if (Character.isLetterOrDigit(ch) && ch < 128) {
                out.append(Character.toLowerCase(ch));
            }
        }
        String s = out.toString().toLowerCase(Locale.ROOT);
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}

package io.yizhan.station.shopping;

import io.yizhan.contract.CatalogEntry;
import io.yizhan.contract.FeedItem;
import io.yizhan.contract.ShopOffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small catalog as central's feed would bring it, applied the way the station applies the feed:
 * 8 categories, a rice with two variants, one item in each other category, 8 more grain items (two
 * pages of cards), and the 粮油九折 offer. For screen tests that do not need a running central.
 */
public final class ShopCatalog {

    private static final AtomicLong CURSOR = new AtomicLong(1_000_000);
    private static final String HASH = "0".repeat(64);
    static final String[][] CATEGORIES = {{"GRAIN_OIL", "粮油"}, {"FRESH", "生鲜"}, {"DAILY", "日用"}, {"APPLIANCE", "家电"}, {"AGRI", "农资"},
            {"CLOTHING", "服装"}, {"MOTHER_BABY", "母婴"}, {"STATIONERY", "文具"}};

    private ShopCatalog() {
    }

    public static void seed(ApplicationEventPublisher events, TransactionTemplate tx, JsonMapper json) {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < CATEGORIES.length; i++) {
                publish(events, json, "category:" + CATEGORIES[i][0], new CatalogEntry(CatalogEntry.CATEGORY,
                        new CatalogEntry.Category(CATEGORIES[i][0], CATEGORIES[i][1], "1f35a", HASH, i), null, null));
                if (i > 0) {
                    product(events, json, "S" + i, "SG" + i, CATEGORIES[i][0], CATEGORIES[i][1] + "样品", null, 990 + i);
                }
            }
            product(events, json, "P0001", "G001", "GRAIN_OIL", "东北大米", "5kg", 3990);
            product(events, json, "P0002", "G001", "GRAIN_OIL", "东北大米", "10kg", 7590);
            for (int i = 0; i < 8; i++) {
                product(events, json, "SG0" + i, "SGG" + i, "GRAIN_OIL", "杂粮" + i, "1kg", 1000 + i);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            publish(events, json, "offer:D001", new CatalogEntry(CatalogEntry.OFFER, null, null, new ShopOffer("D001", ShopOffer.DISCOUNT, "粮油九折",
                    "GRAIN_OIL", 10, 0, null, now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS))));
        });
    }

    private static void product(ApplicationEventPublisher events, JsonMapper json, String id, String group, String category, String name,
                                String variant, long price) {
        publish(events, json, "product:" + id, new CatalogEntry(CatalogEntry.PRODUCT, null, new CatalogEntry.Product(id, group, category, name,
                variant, name + "，样品描述", price, 50, "1f35a", HASH), null));
    }

    private static void publish(ApplicationEventPublisher events, JsonMapper json, String key, CatalogEntry entry) {
        events.publishEvent(new FeedItem(FeedItem.CATALOG, CURSOR.incrementAndGet(), key, json.valueToTree(entry)));
    }
}

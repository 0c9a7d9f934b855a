package io.yizhan.station.sync.internal;

import io.yizhan.station.link.CentralLink;

import io.yizhan.contract.FeedItem;
import io.yizhan.contract.FeedPage;
import io.yizhan.station.sync.SyncProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pulls central's feeds for this station by cursor. Each page is applied in one transaction that
 * also moves the cursor: the items are published as {@link FeedItem} events for the modules that
 * own them (applied by key), so a page pulled again after a crash changes nothing twice.
 */
@Component
class Pulls {

    private static final Logger log = LoggerFactory.getLogger(Pulls.class);
    static final List<String> FEEDS = List.of(FeedItem.MANIFESTS, FeedItem.NOTIFICATION_RESULTS, FeedItem.LISTING_REVIEWS, FeedItem.ONLINE_ORDERS,
            FeedItem.CATALOG, FeedItem.SHOP_ORDERS);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final SyncProperties sync;
    private final CentralLink central;
    private final ApplicationEventPublisher events;

    Pulls(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, SyncProperties sync, CentralLink central,
          ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.sync = sync;
        this.central = central;
        this.events = events;
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${yizhan.sync.pull-every:PT10S}")
    void scheduled() {
        if (!sync.enabled()) {
            return;
        }
        try {
            pullAll();
        } catch (Exception e) {
            log.debug("Pulling from central failed: {}", e.toString());
        }
    }

    /** Pulls every feed until it is up to date; returns how many items were applied. A failing feed never holds back the others. */
    int pullAll() throws Exception {
        int applied = 0;
        Exception failed = null;
        for (String feed : FEEDS) {
            try {
                int n;
                do {
                    n = pullPage(feed);
                    applied += n;
                } while (n > 0);
            } catch (Exception e) {
                // the sync screen shows the link's state; a log line every 10 s while central is away helps nobody
                log.debug("Pulling feed {} from central failed: {}", feed, e.toString());
                failed = e;
            }
        }
        if (failed != null && applied == 0) {
            throw failed;
        }
        return applied;
    }

    private int pullPage(String feed) throws Exception {
        long after = jdbc.sql("SELECT cursor_no FROM sync_cursor WHERE feed = ?").param(feed).query(Long.class).optional().orElse(0L);
        FeedPage page = json.readValue(central.send(central.request(FeedItem.path(feed) + "?after=" + after + "&limit=" + (FeedItem.CATALOG.equals(feed) ? 1000 : 200)).GET().build()),
                FeedPage.class);
        if (page.items() == null || page.items().isEmpty()) {
            return 0;
        }
        tx.executeWithoutResult(status -> {
            long last = after;
            for (FeedItem item : page.items()) {
                if (item.cursor() <= last || !feed.equals(item.feed())) {
                    throw new IllegalStateException("central's feed " + feed + " is out of order");
                }
                events.publishEvent(item);
                last = item.cursor();
            }
            if (jdbc.sql("UPDATE sync_cursor SET cursor_no = ? WHERE feed = ? AND cursor_no = ?").params(last, feed, after).update() == 0) {
                jdbc.sql("INSERT INTO sync_cursor (feed, cursor_no) VALUES (?, ?)").params(feed, last).update();
            }
        });
        return page.items().size();
    }
}

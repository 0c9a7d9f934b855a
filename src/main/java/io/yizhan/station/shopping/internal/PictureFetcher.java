package io.yizhan.station.shopping.internal;

import io.yizhan.station.link.CentralLink;
import io.yizhan.station.shopping.PictureStore;
import io.yizhan.station.sync.SyncProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches the catalog's pictures the station does not have yet, each once however many products
 * share it, and keeps them on disk. Until one arrives its products show without it; a picture whose
 * content does not match its hash is not kept (and asked for again later).
 */
@Component
class PictureFetcher {

    private static final Logger log = LoggerFactory.getLogger(PictureFetcher.class);

    private final JdbcClient jdbc;
    private final CentralLink central;
    private final PictureStore store;
    private final SyncProperties sync;

    PictureFetcher(JdbcClient jdbc, CentralLink central, PictureStore store, SyncProperties sync) {
        this.jdbc = jdbc;
        this.central = central;
        this.store = store;
        this.sync = sync;
    }

    @Scheduled(initialDelayString = "PT6S", fixedDelayString = "${yizhan.shopping.pictures-every:PT5S}")
    void scheduled() {
        if (sync.enabled()) {
            fetchWanted();
        }
    }

    /** Fetches every wanted picture; returns how many were kept. Stops at the first failure (central away). */
    int fetchWanted() {
        record Wanted(String hash, String picture) {
        }
        List<Wanted> wanted = jdbc.sql("SELECT picture_hash, picture FROM shopping_picture_wanted ORDER BY picture_hash")
                .query((rs, n) -> new Wanted(rs.getString(1), rs.getString(2))).list();
        int kept = 0;
        for (Wanted w : wanted) {
            try {
                if (!store.has(w.hash())) {
                    byte[] png = central.send(central.request("/api/sync/pictures/" + w.picture() + ".png").GET().build());
                    if (!store.keep(w.hash(), png)) {
                        log.warn("catalog picture {} did not match its hash: not kept", w.picture());
                        continue;
                    }
                    kept++;
                }
                jdbc.sql("DELETE FROM shopping_picture_wanted WHERE picture_hash = ?").param(w.hash()).update();
            } catch (Exception e) {
                log.debug("fetching catalog picture {} failed: {}", w.picture(), e.toString());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                break;
            }
        }
        return kept;
    }
}

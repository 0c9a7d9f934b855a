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
import java.util.List;
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

    CentralCatalog(JdbcClient jdbc, TransactionTemplate tx, Clock clock, @Value("${yizhan.central.demo:false}") boolean demo) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillDemoCatalog() {
        if (demo && jdbc.sql("SELECT COUNT(*) FROM central_product").query(Long.class).single() == 0) {
            load(CentralCatalog.class.getResourceAsStream("/catalog/demo-catalog.yml"));
        }
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
        tx.executeWithoutResult(s -> {
            int position = 0;
            for (Map<String, Object> c : (List<Map<String, Object>>) data.get("categories")) {
                jdbc.sql("INSERT INTO central_category (code, name, picture, position) VALUES (?, ?, ?, ?)")
                        .params(c.get("code"), c.get("name"), String.valueOf(c.get("picture")), position++).update();
            }
            for (Map<String, Object> p : (List<Map<String, Object>>) data.get("products")) {
                jdbc.sql("""
                                INSERT INTO central_product (product_id, group_id, category, name, variant, description, price_fen, stock, picture, updated_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(p.get("productId"), p.get("groupId"), p.get("category"), p.get("name"),
                                p.get("variant") == null ? null : String.valueOf(p.get("variant")), p.get("description"),
                                ((Number) p.get("priceFen")).longValue(), ((Number) p.get("stock")).longValue(), String.valueOf(p.get("picture")), now)
                        .update();
            }
        });
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM central_product").query(Long.class).single();
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

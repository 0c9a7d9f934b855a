package io.yizhan.station.consignment;

import io.yizhan.contract.FeedItem;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listings of lots on the platform. A clerk writes one (title, description, price, quantity offered,
 * the lot's picture); it must pass the listing check to be submitted; the station's manager approves
 * it — then it goes to central as {@link LotListed} through the outbox — or sends it back with a
 * reason; central's operator lists or rejects it, and the decision comes back on the
 * {@code listing-reviews} feed.
 */
@Service
public class Listings {

    /** SUBMITTED (waiting for the manager) → SENT (at central) → LISTED, or REJECTED with a reason. */
    public enum Status {
        SUBMITTED, SENT, LISTED, REJECTED
    }

    /** A listing as the screens show it. */
    public record Listing(UUID id, UUID lotId, String lotNo, String productName, Unit unit, String title, String description, long priceFen,
                          long quantity, Status status, @Nullable String reason, String clerk, @Nullable String reviewedBy, Instant updatedAt) {
    }

    /** What a clerk asks to list: price per kg or piece, quantity in grams or pieces. */
    public record ListingRequest(UUID lotId, String title, String description, long priceFen, long quantity) {
    }

    static final int TITLE_MAX = 60;
    static final int DESCRIPTION_MAX = 2_000;
    /** The thumbnail that travels with the listing stays well inside an event's 20,000 characters. */
    static final int THUMBNAIL_MAX_CHARS = 12_000;

    private final JdbcClient jdbc;
    private final ListingCheck check;
    private final Goods goods;
    private final LotCare care;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Listings(JdbcClient jdbc, ListingCheck check, Goods goods, LotCare care, Clock clock, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.check = check;
        this.goods = goods;
        this.care = care;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    private static final String COLUMNS = """
            s.id, s.lot_id, l.lot_no, l.product_name, l.unit, s.title, s.description, s.price_fen, s.quantity, s.status, s.reason, s.clerk,
            s.reviewed_by, s.updated_at""";

    private static Listing listing(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Listing(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), Unit.valueOf(rs.getString(5)),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9), Status.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getObject(14, OffsetDateTime.class).toInstant());
    }

    public Optional<Listing> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consignment_listing s JOIN consignment_lot l ON l.id = s.lot_id WHERE s.id = ?").param(id)
                .query((rs, n) -> listing(rs)).optional();
    }

    /** The newest listings first. */
    public List<Listing> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consignment_listing s JOIN consignment_lot l ON l.id = s.lot_id ORDER BY s.updated_at DESC, s.id"
                + " FETCH FIRST ? ROWS ONLY").param(limit).query((rs, n) -> listing(rs)).list();
    }

    /** Lots that still have goods at the station: what can be listed, newest first. */
    public List<LotCare.OnShelf> listable() {
        return care.onShelf().reversed();
    }

    /**
     * Submits a listing for the manager's review, once its title and description pass the listing
     * check.
     *
     * @throws ConsignmentRefused {@code NOT_FOUND}, {@code BAD_LISTING} (empty or too long), {@code NOT_COMPLIANT}
     *                            (words the rules forbid: the check's hits say which), {@code BAD_PRICE}, {@code BAD_QUANTITY}
     */
    @Transactional
    public Listing submit(ListingRequest request) {
        LotCare.OnShelf lot = care.onShelf(request.lotId()).orElseThrow(() -> new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.no-lot"));
        String title = request.title() == null ? "" : request.title().strip();
        String description = request.description() == null ? "" : request.description().strip();
        if (title.isEmpty() || title.length() > TITLE_MAX || description.length() > DESCRIPTION_MAX) {
            throw new ConsignmentRefused("BAD_LISTING", 400, "consignment.error.listing", TITLE_MAX, DESCRIPTION_MAX);
        }
        ListingCheck.Result checked = check.check(title, description);
        if (!checked.ok()) {
            throw new ConsignmentRefused("NOT_COMPLIANT", 400, "consignment.error.not-compliant",
                    String.join("、", checked.hits().stream().map(ListingCheck.Hit::word).distinct().toList()));
        }
        if (request.priceFen() <= 0 || request.priceFen() > 1_000_000) {
            throw new ConsignmentRefused("BAD_PRICE", 400, "consignment.error.price");
        }
        if (request.quantity() <= 0 || request.quantity() > lot.left()) {
            throw new ConsignmentRefused("BAD_QUANTITY", 400, "consignment.error.listing-quantity");
        }
        UUID id = UuidV7.next(clock);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO consignment_listing (id, lot_id, title, description, price_fen, quantity, status, clerk, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?)""")
                .params(id, lot.lotId(), title, description, request.priceFen(), request.quantity(), audit.currentActor(), now, now).update();
        audit.record("consignment.listing-submitted", lot.lotNo() + " " + title);
        return find(id).orElseThrow();
    }

    /** The manager approves a submitted listing: it goes to central. */
    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public Listing approve(UUID id) {
        Listing l = find(id).orElseThrow(() -> new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.no-listing"));
        if (!move(id, Status.SUBMITTED, Status.SENT, null)) {
            throw new ConsignmentRefused("NOT_SUBMITTED", 409, "consignment.error.listing-state");
        }
        LotCare.OnShelf lot = care.onShelf(l.lotId()).orElseThrow(() -> new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.no-lot"));
        events.publishEvent(new LotListed(UuidV7.next(clock), id, lot.lotId(), lot.lotNo(), lot.productCode(), lot.productName(), lot.grade(),
                lot.unit().name(),
                l.title(), l.description(), l.priceFen(), l.quantity(), lot.origin(), lot.harvestedOn(),
                goods.picture(lot.sku()).flatMap(Listings::thumbnail).orElse(null), clock.instant()));
        audit.record("consignment.listing-approved", lot.lotNo() + " " + l.title());
        return find(id).orElseThrow();
    }

    /** The manager sends a submitted listing back with a reason. */
    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public Listing reject(UUID id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw new ConsignmentRefused("REASON_REQUIRED", 400, "consignment.error.reason");
        }
        if (!move(id, Status.SUBMITTED, Status.REJECTED, why)) {
            throw new ConsignmentRefused("NOT_SUBMITTED", 409, "consignment.error.listing-state");
        }
        audit.record("consignment.listing-rejected", id + " " + why);
        return find(id).orElseThrow();
    }

    private boolean move(UUID id, Status from, Status to, @Nullable String reason) {
        boolean byManager = from == Status.SUBMITTED;
        return jdbc.sql("UPDATE consignment_listing SET status = ?, reason = ?, reviewed_by = COALESCE(?, reviewed_by), updated_at = ? WHERE id = ? AND status = ?")
                .params(to.name(), reason, byManager ? audit.currentActor() : null, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id,
                        from.name())
                .update() == 1;
    }

    /** Central's decision on a listing it was sent, in the transaction that moves the feed's cursor; applied once. */
    @EventListener
    void on(FeedItem item) {
        if (!item.feed().equals(FeedItem.LISTING_REVIEWS)) {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(item.payload().path("listingId").asString(""));
        } catch (IllegalArgumentException notOurs) {
            return;
        }
        boolean approved = item.payload().path("approved").asBoolean(false);
        String reason = item.payload().path("reason").isString() ? item.payload().path("reason").asString() : null;
        if (reason != null && reason.length() > 200) {
            reason = reason.substring(0, 200);
        }
        move(id, Status.SENT, approved ? Status.LISTED : Status.REJECTED, approved ? null : reason);
    }

    /** A small JPEG of the lot's picture (160 px wide) in Base64, lowered in quality until it fits an event. */
    static Optional<String> thumbnail(byte[] picture) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(picture));
            if (source == null) {
                return Optional.empty();
            }
            int width = Math.min(160, source.getWidth());
            int height = Math.max(1, source.getHeight() * width / source.getWidth());
            BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = small.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, width, height, null);
            g.dispose();
            for (float quality : new float[] {0.75f, 0.5f, 0.3f}) {
                String encoded = Base64.getEncoder().encodeToString(jpeg(small, quality));
                if (encoded.length() <= THUMBNAIL_MAX_CHARS) {
                    return Optional.of(encoded);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}

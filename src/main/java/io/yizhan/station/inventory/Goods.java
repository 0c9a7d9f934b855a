package io.yizhan.station.inventory;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.inventory.internal.InventoryProperties;
import io.yizhan.station.inventory.internal.Pinyin;
import io.yizhan.station.inventory.internal.SkuRepository;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The goods the station sells: found by barcode (a variable-measure label read per the configured
 * layouts), by name, pinyin initials, SKU or short code; created and changed by staff; shelf and
 * barcode labels on the label printer.
 */
@Service
public class Goods {

    /** Longest name, spec and SKU code accepted. */
    static final int NAME_MAX = 80;

    private final SkuRepository skus;
    private final JdbcClient jdbc;
    private final InventoryProperties rules;
    private final Clock clock;
    private final AuditLog audit;
    private final PrintQueue printing;

    Goods(SkuRepository skus, JdbcClient jdbc, InventoryProperties rules, Clock clock, AuditLog audit, PrintQueue printing) {
        this.skus = skus;
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
        this.audit = audit;
        this.printing = printing;
    }

    public Optional<Sku> find(String sku) {
        return skus.findById(sku);
    }

    /** The good with this barcode (only the exact code: no variable-measure reading). */
    public Optional<Sku> byBarcode(String barcode) {
        return jdbc.sql("SELECT sku FROM inventory_barcode WHERE barcode = ?").param(barcode).query(String.class).optional()
                .flatMap(skus::findById);
    }

    public Optional<Sku> byShortCode(String shortCode) {
        return jdbc.sql("SELECT sku FROM inventory_sku WHERE short_code = ?").param(shortCode).query(String.class).optional()
                .flatMap(skus::findById);
    }

    /**
     * Reads a scanned or typed code: a good's own barcode, or a variable-measure label (prefix 20–29
     * per the configured layouts) carrying the good's short code and its price or weight.
     *
     * @throws InventoryRefused {@code BAD_BARCODE} (not a barcode, or a wrong check digit) or
     *                          {@code UNKNOWN_BARCODE}
     */
    public ScannedGood read(String raw) {
        String code = raw == null ? "" : raw.strip();
        Optional<Sku> own = code.isEmpty() || code.length() > 14 ? Optional.empty() : byBarcode(code);
        if (own.isPresent()) {
            return new ScannedGood(own.get(), null, null, code);
        }
        Optional<String> problem = Barcodes.problem(code);
        if (problem.isPresent()) {
            throw new InventoryRefused("BAD_BARCODE", 400, problem.get(), null, code);
        }
        for (InventoryProperties.Layout layout : rules.variableMeasure()) {
            if (code.startsWith(layout.prefix())) {
                return variableMeasure(code, layout);
            }
        }
        throw new InventoryRefused("UNKNOWN_BARCODE", 404, "inventory.error.unknown-barcode", null, code);
    }

    private ScannedGood variableMeasure(String code, InventoryProperties.Layout layout) {
        String item = code.substring(2, 2 + layout.itemDigits());
        long value = Long.parseLong(code.substring(2 + layout.itemDigits(), 12));
        Sku sku = byShortCode(item).orElseThrow(() -> retired(item)
                .<InventoryRefused>map(was -> new InventoryRefused("LABEL_RETIRED", 409, "inventory.error.label-retired", was.sku(), was.name()))
                .orElseGet(() -> new InventoryRefused("UNKNOWN_BARCODE", 404, "inventory.error.unknown-item", null, item)));
        if (layout.embeds() == InventoryProperties.Embeds.PRICE) {
            if (value <= 0 || sku.priceFen() <= 0) {
                throw new InventoryRefused("BAD_BARCODE", 400, "inventory.error.label-value", sku.sku(), code);
            }
            // the label's price is charged exactly; the weight it stands for: round-half-up(price × 1000 ÷ price per kg)
            long quantity = sku.unit() == Unit.KG ? Unit.roundHalfUp(value * 1000, sku.priceFen()) : 1;
            // the bag's true grams g had g × price ÷ 1000 within half a fen of the label's price
            long tolerance = sku.unit() == Unit.KG ? (500 + sku.priceFen() - 1) / sku.priceFen() + 1 : 0;
            return new ScannedGood(sku, Math.max(1, quantity), value, code, tolerance);
        }
        if (sku.unit() != Unit.KG || value <= 0) {
            throw new InventoryRefused("BAD_BARCODE", 400, "inventory.error.label-value", sku.sku(), code);
        }
        return new ScannedGood(sku, value, sku.unit().amountFen(value, sku.priceFen()), code);
    }

    /**
     * The scale label of {@code quantity} (grams, or one piece) of a good at {@code amountFen}, in the
     * station's configured layouts: the price-embedded one when the amount fits its digits, else the
     * weight-embedded one (a weighed good only).
     *
     * @throws InventoryRefused {@code LABEL_TOO_LARGE} when neither layout can carry it
     */
    public String scaleLabel(Sku sku, long quantity, long amountFen) {
        for (InventoryProperties.Embeds embeds : List.of(InventoryProperties.Embeds.PRICE, InventoryProperties.Embeds.WEIGHT)) {
            for (InventoryProperties.Layout layout : rules.variableMeasure()) {
                long value = embeds == InventoryProperties.Embeds.PRICE ? amountFen : quantity;
                if (layout.embeds() != embeds || layout.itemDigits() != sku.shortCode().length()
                        || (embeds == InventoryProperties.Embeds.WEIGHT && sku.unit() != Unit.KG)
                        || value <= 0 || String.valueOf(value).length() > layout.valueDigits()) {
                    continue;
                }
                return Barcodes.withCheckDigit(layout.prefix() + sku.shortCode() + String.format("%0" + layout.valueDigits() + "d", value));
            }
        }
        throw new InventoryRefused("LABEL_TOO_LARGE", 400, "inventory.error.label-too-large", sku.sku());
    }

    /**
     * Goods whose name contains {@code q}, whose pinyin initials contain it (红富士苹果: {@code pg}; those starting with it first), or
     * whose SKU code, short code or barcode is it; at most {@code limit}, by name.
     */
    public List<Sku> search(String q, int limit) {
        String term = q == null ? "" : q.strip();
        if (term.isEmpty()) {
            return List.of();
        }
        String lower = term.toLowerCase(Locale.ROOT);
        List<String> codes = jdbc.sql("""
                        SELECT sku FROM inventory_sku
                        WHERE pinyin LIKE ? OR name LIKE ? OR sku = ? OR short_code = ?
                           OR sku IN (SELECT sku FROM inventory_barcode WHERE barcode = ?)
                        ORDER BY CASE WHEN pinyin LIKE ? THEN 0 ELSE 1 END, name FETCH FIRST ? ROWS ONLY""")
                .params("%" + like(lower) + "%", "%" + like(term) + "%", term, term, term, like(lower) + "%", limit)
                .query(String.class).list();
        List<Sku> found = new ArrayList<>();
        skus.findAllById(codes).forEach(found::add);
        found.sort(java.util.Comparator.comparingInt(s -> codes.indexOf(s.sku())));
        return found;
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Largest picture accepted (a phone photo), and the side it is scaled to fit. */
    static final int PICTURE_MAX_BYTES = 8 * 1024 * 1024;
    static final int PICTURE_SIDE = 320;

    /**
     * Sets a good's picture from a PNG, JPEG, GIF or BMP (a phone photo will do): it is scaled to fit
     * {@value #PICTURE_SIDE} px and kept as a JPEG of some tens of KB.
     */
    @Transactional
    public void setPicture(String skuCode, byte[] image) {
        Sku sku = find(skuCode).orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "inventory.error.no-sku", skuCode, skuCode));
        if (image.length == 0 || image.length > PICTURE_MAX_BYTES) {
            throw new InventoryRefused("BAD_PICTURE", 400, "inventory.error.picture", sku.sku());
        }
        java.awt.image.BufferedImage source;
        try {
            source = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image));
        } catch (java.io.IOException | RuntimeException unreadable) {
            source = null;
        }
        if (source == null || source.getWidth() < 1 || source.getHeight() < 1) {
            throw new InventoryRefused("BAD_PICTURE", 400, "inventory.error.picture", sku.sku());
        }
        double scale = Math.min(1.0, (double) PICTURE_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        java.awt.image.BufferedImage scaled = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scaled.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(scaled, "jpg", jpeg);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        jdbc.sql("UPDATE inventory_sku SET picture = ? WHERE sku = ?").params(jpeg.toByteArray(), sku.sku()).update();
        audit.record("inventory.picture", sku.sku());
    }

    /** A good's picture as JPEG, if it has one. */
    public Optional<byte[]> picture(String skuCode) {
        return jdbc.sql("SELECT picture FROM inventory_sku WHERE sku = ? AND picture IS NOT NULL").param(skuCode).query(byte[].class).optional();
    }

    /** How many goods the station has. */
    public long count() {
        return skus.count();
    }

    /** Pieces or grams on hand of each good (all owners, batches and locations). */
    public Map<String, Long> onHand(Collection<String> skuCodes) {
        Map<String, Long> out = new HashMap<>();
        if (skuCodes.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT sku, SUM(quantity) FROM inventory_stock WHERE sku IN (:skus) GROUP BY sku")
                .param("skus", skuCodes).query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    public long onHand(String sku) {
        return onHand(List.of(sku)).getOrDefault(sku, 0L);
    }

    /** Creates or changes a good (the same SKU code again changes it). */
    @Transactional
    public Sku save(SkuDraft draft) {
        String code = draft.sku() == null ? "" : draft.sku().strip();
        if (!code.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new InventoryRefused("BAD_SKU", 400, "inventory.error.sku");
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw new InventoryRefused("BAD_NAME", 400, "inventory.error.name");
        }
        if (draft.priceFen() < 0 || (draft.costFen() != null && draft.costFen() < 0) || draft.threshold() < 0) {
            throw new InventoryRefused("BAD_PRICE", 400, "inventory.error.price");
        }
        LinkedHashSet<String> barcodes = new LinkedHashSet<>();
        for (String b : draft.barcodes()) {
            String barcode = b.strip();
            if (barcode.isEmpty()) {
                continue;
            }
            Optional<String> problem = Barcodes.problem(barcode);
            if (problem.isPresent() && !barcode.startsWith("20")) {
                throw new InventoryRefused("BAD_BARCODE", 400, problem.get(), code, barcode);
            }
            barcodes.add(barcode);
        }
        Optional<Sku> existing = skus.findById(code);
        String shortCode = draft.shortCode() == null || draft.shortCode().isBlank()
                ? existing.map(Sku::shortCode).orElseGet(this::nextShortCode) : draft.shortCode().strip();
        if (!shortCode.matches("\\d{5}")) {
            throw new InventoryRefused("BAD_SHORT_CODE", 400, "inventory.error.short-code");
        }
        for (String barcode : barcodes) {
            jdbc.sql("SELECT sku FROM inventory_barcode WHERE barcode = ?").param(barcode).query(String.class).optional()
                    .filter(owner -> !owner.equals(code))
                    .ifPresent(owner -> {
                        throw new InventoryRefused("BARCODE_TAKEN", 409, "inventory.error.barcode-taken", owner, barcode, owner);
                    });
        }
        Instant now = clock.instant();
        String spec = draft.spec() == null ? "" : draft.spec().strip();
        Sku sku = new Sku(code, existing.map(Sku::version).orElse(null), shortCode, name, spec.length() > 60 ? spec.substring(0, 60) : spec,
                draft.unit(), draft.priceFen(), draft.costFen(), draft.category() == null ? "" : draft.category().strip(), Pinyin.initials(name),
                draft.threshold(), barcodes.stream().map(SkuBarcode::new).toList(), existing.map(Sku::createdAt).orElse(now), now);
        try {
            Sku saved = skus.save(sku);
            audit.record(existing.isPresent() ? "inventory.sku-changed" : "inventory.sku-created", code + " " + name + " " + Money.yuan(draft.priceFen()));
            return saved;
        } catch (DuplicateKeyException taken) {
            throw new InventoryRefused("SHORT_CODE_TAKEN", 409, "inventory.error.short-code-taken", code, shortCode);
        }
    }

    /** The good a retired short code belonged to. */
    private Optional<Sku> retired(String shortCode) {
        return jdbc.sql("SELECT sku FROM inventory_retired_short_code WHERE short_code = ?").param(shortCode).query(String.class).optional()
                .flatMap(this::find);
    }

    /**
     * A new price for a good, with a new short code: labels printed with the old one (and the old price
     * in them) no longer sell — scanning one says the label is void. For a weighed consignment lot
     * marked down; {@code reason} is kept with the retired code.
     */
    @Transactional
    public Sku reprice(String skuCode, long newPriceFen, String reason) {
        Sku sku = find(skuCode).orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "inventory.error.no-sku", skuCode, skuCode));
        if (newPriceFen <= 0) {
            throw new InventoryRefused("BAD_PRICE", 400, "inventory.error.price");
        }
        jdbc.sql("INSERT INTO inventory_retired_short_code (short_code, sku, reason, retired_at) VALUES (?, ?, ?, ?)")
                .params(sku.shortCode(), sku.sku(), reason.length() > 40 ? reason.substring(0, 40) : reason,
                        java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)).update();
        return save(new SkuDraft(sku.sku(), nextShortCode(), sku.name(), sku.spec(), sku.unit(), newPriceFen, sku.costFen(), sku.category(),
                sku.barcodeList(), sku.threshold()));
    }

    /** The next free 5-digit short code. */
    String nextShortCode() {
        String max = jdbc.sql("SELECT MAX(short_code) FROM inventory_sku").query(String.class).optional().orElse(null);
        int next = max == null ? 1 : Integer.parseInt(max.strip()) + 1;
        if (next > 99_999) {
            throw new InventoryRefused("NO_SHORT_CODE", 409, "inventory.error.short-code-full");
        }
        return String.format("%05d", next);
    }

    /** A shelf price label (name, spec, price, price per unit, barcode) on the label printer at this terminal. */
    public Optional<UUID> printShelfLabel(String skuCode) {
        Sku sku = find(skuCode).orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "inventory.error.no-sku", skuCode, skuCode));
        Locale zh = Translations.SIMPLIFIED;
        String barcode = sku.barcodes().isEmpty() ? Barcodes.inStore(sku.shortCode()) : sku.barcodes().getFirst().barcode();
        PrintDocument label = PrintDocument.builder("price-label").center().large(sku.name())
                .text(sku.spec())
                .huge(Money.yuan(sku.priceFen()))
                .text(sku.pricePerUnit(Translations.translate("inventory.unit.per.PIECE", zh), Translations.translate("inventory.unit.per.KG", zh)))
                .barcode(barcode, 8).build();
        audit.record("inventory.shelf-label", sku.sku());
        return printing.printAt(CurrentTerminal.name(), DeviceKind.LABEL_PRINTER, label);
    }

    /** The station's own barcode of a good (20 + short code), given to it the first time it is asked for. */
    @Transactional
    public String inStoreBarcode(String skuCode) {
        Sku sku = find(skuCode).orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "inventory.error.no-sku", skuCode, skuCode));
        String barcode = Barcodes.inStore(sku.shortCode());
        if (!sku.barcodeList().contains(barcode)) {
            List<SkuBarcode> all = new ArrayList<>(sku.barcodes());
            all.add(new SkuBarcode(barcode));
            skus.save(new Sku(sku.sku(), sku.version(), sku.shortCode(), sku.name(), sku.spec(), sku.unit(), sku.priceFen(), sku.costFen(),
                    sku.category(), sku.pinyin(), sku.threshold(), all, sku.createdAt(), clock.instant()));
        }
        return barcode;
    }

    /**
     * Barcode labels for a good that came without one: it gets the station's own code (20 + short code,
     * read by the counter's scanner) the first time, then {@code copies} labels print.
     */
    @Transactional
    public Optional<UUID> printBarcodeLabels(String skuCode, int copies) {
        String barcode = inStoreBarcode(skuCode);
        Sku sku = find(skuCode).orElseThrow();
        PrintDocument.Builder doc = PrintDocument.builder("barcode-label").center();
        doc.bold(sku.name()).barcode(barcode, 10);
        Optional<UUID> first = Optional.empty();
        for (int i = 0; i < Math.max(1, Math.min(copies, 100)); i++) {
            Optional<UUID> job = printing.printAt(CurrentTerminal.name(), DeviceKind.LABEL_PRINTER, doc.build());
            first = first.or(() -> job);
        }
        audit.record("inventory.barcode-labels", sku.sku() + " × " + copies);
        return first;
    }
}

package io.yizhan.station.inventory.internal;

import io.yizhan.station.inventory.GoodsImport;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.inventory.MoveRequest;
import io.yizhan.station.inventory.MoveType;
import io.yizhan.station.inventory.Sku;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.StockLevel;
import io.yizhan.station.inventory.Stocktake;
import io.yizhan.station.inventory.StocktakeLine;
import io.yizhan.station.inventory.Stocktakes;
import io.yizhan.station.shared.ApiError;
import io.yizhan.station.shared.Translations;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inventory API (staff, HTTP Basic, JSON, errors {@code {code, message}}): import, goods, stock,
 * moves and stocktakes. Quantities are pieces for {@code PIECE} goods and grams for {@code KG} goods.
 */
@RestController
class InventoryApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final GoodsImport importer;
    private final Goods goods;
    private final Stock stock;
    private final Stocktakes stocktakes;

    InventoryApi(GoodsImport importer, Goods goods, Stock stock, Stocktakes stocktakes) {
        this.importer = importer;
        this.goods = goods;
        this.stock = stock;
        this.stocktakes = stocktakes;
    }

    record RejectedOut(int row, String reason) {
    }

    record ImportOut(int accepted, List<RejectedOut> rejected) {
    }

    /** The file is the raw body (text/csv or XLSX); nothing is stored on a dry run. */
    @PostMapping("/api/inventory/import")
    ImportOut importGoods(@RequestParam(defaultValue = "true") boolean dryRun, HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(ImportRows.MAX_BYTES + 1);
        }
        GoodsImport.Result result = importer.run(body, dryRun);
        Locale locale = ApiError.locale(request);
        return new ImportOut(result.accepted(), result.rejected().stream()
                .map(r -> new RejectedOut(r.row(), Translations.translate(r.reasonKey(), locale, r.args().toArray()))).toList());
    }

    @GetMapping("/api/inventory/import/template.xlsx")
    ResponseEntity<byte[]> templateXlsx() {
        return download(GoodsImport.templateXlsx(), "goods-template.xlsx", XLSX);
    }

    @GetMapping("/api/inventory/import/template.csv")
    ResponseEntity<byte[]> templateCsv() {
        return download(GoodsImport.templateCsv(), "goods-template.csv", "text/csv;charset=UTF-8");
    }

    record SkuOut(String sku, String shortCode, String name, String spec, String unit, long priceFen, List<String> barcodes, long onHand) {
    }

    @GetMapping("/api/inventory/skus")
    List<SkuOut> skus(@RequestParam(required = false) @Nullable String barcode, @RequestParam(required = false) @Nullable String q) {
        List<Sku> found;
        if (barcode != null && !barcode.isBlank()) {
            found = List.of(goods.read(barcode).sku());
        } else if (q != null && !q.isBlank()) {
            found = goods.search(q, 50);
        } else {
            throw new InventoryRefused("BAD_REQUEST", 400, "inventory.error.sku-query");
        }
        Map<String, Long> onHand = goods.onHand(found.stream().map(Sku::sku).toList());
        return found.stream().map(s -> new SkuOut(s.sku(), s.shortCode(), s.name(), s.spec(), s.unit().name(), s.priceFen(), s.barcodeList(),
                onHand.getOrDefault(s.sku(), 0L))).toList();
    }

    /** A good's picture: the image (PNG, JPEG …) as the raw body; kept scaled as a JPEG. */
    @org.springframework.web.bind.annotation.PutMapping("/api/inventory/skus/{sku}/picture")
    ResponseEntity<Void> setPicture(@PathVariable String sku, HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(8 * 1024 * 1024 + 1);
        }
        goods.setPicture(sku, body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/inventory/skus/{sku}/picture")
    ResponseEntity<byte[]> picture(@PathVariable String sku) {
        return goods.picture(sku).map(p -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(p))
                .orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "inventory.error.no-picture", sku));
    }

    record StockOut(String sku, String batch, String location, long quantity, @Nullable LocalDate expiresOn) {
    }

    @GetMapping("/api/inventory/stock")
    List<StockOut> stock(@RequestParam String sku) {
        goods.find(sku).orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "inventory.error.no-sku", sku, sku));
        return stock.levels(sku).stream().filter(l -> l.quantity() != 0)
                .map((StockLevel l) -> new StockOut(l.sku(), l.batch(), l.location(), l.quantity(), l.expiresOn())).toList();
    }

    record MoveIn(@Nullable String type, @Nullable String sku, @Nullable String batch, @Nullable LocalDate producedOn, @Nullable LocalDate expiresOn,
                  @Nullable String from, @Nullable String to, @Nullable Long quantity, @Nullable Long costFen, @Nullable String reason) {
    }

    record IdOut(UUID id) {
    }

    @PostMapping("/api/inventory/moves")
    ResponseEntity<IdOut> move(@RequestBody MoveIn in) {
        MoveType type;
        try {
            type = MoveType.valueOf(in.type() == null ? "" : in.type().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InventoryRefused("BAD_TYPE", 400, "inventory.error.move-type");
        }
        UUID id = stock.move(new MoveRequest(type, in.sku() == null ? "" : in.sku(), in.batch(), in.producedOn(), in.expiresOn(), in.from(), in.to(),
                in.quantity() == null ? 0 : in.quantity(), in.costFen(), in.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new IdOut(id));
    }

    record StocktakeIn(@Nullable String location) {
    }

    @PostMapping("/api/stocktakes")
    ResponseEntity<IdOut> startStocktake(@RequestBody(required = false) @Nullable StocktakeIn in) {
        Stocktake made = stocktakes.start(in == null ? null : in.location());
        return ResponseEntity.status(HttpStatus.CREATED).body(new IdOut(made.id()));
    }

    record CountIn(@Nullable String barcode, @Nullable String sku, @Nullable Long quantity, @Nullable String location) {
    }

    record CountOut(String sku, String location, long counted) {
    }

    @PostMapping("/api/stocktakes/{id}/counts")
    CountOut count(@PathVariable UUID id, @RequestBody CountIn in) {
        String code = in.sku() != null && !in.sku().isBlank() ? in.sku() : in.barcode();
        if (code == null || code.isBlank()) {
            throw new InventoryRefused("BAD_REQUEST", 400, "inventory.error.count-what");
        }
        Stocktakes.Counted c = stocktakes.count(id, code, in.quantity(), in.location());
        return new CountOut(c.sku(), c.location(), c.countedNow());
    }

    record DifferenceOut(String sku, String location, long systemQuantity, long countedQuantity, long differenceValueFen) {
    }

    @GetMapping("/api/stocktakes/{id}/differences")
    List<DifferenceOut> differences(@PathVariable UUID id) {
        return stocktakes.differences(id).stream()
                .map((StocktakeLine l) -> new DifferenceOut(l.sku(), l.location(), l.systemQuantity(), l.countedQuantity(), l.differenceValueFen()))
                .toList();
    }

    record StocktakeOut(UUID id, @Nullable String location, String status) {
    }

    @PostMapping("/api/stocktakes/{id}/post")
    StocktakeOut post(@PathVariable UUID id) {
        Stocktake t = stocktakes.post(id);
        return new StocktakeOut(t.id(), t.location(), t.status());
    }

    @GetMapping("/api/stocktakes/{id}/report.xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable UUID id) {
        return download(stocktakes.reportXlsx(id), "stocktake-" + id + ".xlsx", XLSX);
    }

    @GetMapping("/api/stocktakes/{id}/report.csv")
    ResponseEntity<byte[]> reportCsv(@PathVariable UUID id) {
        return download(stocktakes.reportCsv(id), "stocktake-" + id + ".csv", "text/csv;charset=UTF-8");
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(type)).body(body);
    }
}

package io.yizhan.station.consignment;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.inventory.Sku;
import io.yizhan.station.inventory.SkuDraft;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.shared.Digests;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake (收货): a consignor's produce becomes a lot — its own SKU (whose short code its labels carry),
 * stock owned by the consignor, the consignor's terms snapshotted — and its labels print: one per bag
 * (each bag's price is its grams × the price per kg ÷ 1000, half-up, in the price-embedded layout; a
 * bag above ¥999.99 in the weight-embedded one) or per piece, the 承诺达标合格证 for covered
 * categories, and the consignor's intake receipt in large print with a signature line.
 */
@Service
public class Lots {

    static final long MAX_BAG_GRAMS = 99_999;
    static final long MAX_PIECES = 1_000;

    private final Consignors consignors;
    private final ConsignmentProducts products;
    private final Goods goods;
    private final Stock stock;
    private final PrintQueue printing;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final StationTime time;
    private final StationProperties station;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Lots(Consignors consignors, ConsignmentProducts products, Goods goods, Stock stock, PrintQueue printing, JdbcClient jdbc, TransactionTemplate tx,
         Clock clock, StationTime time, StationProperties station, AuditLog audit, ApplicationEventPublisher events) {
        this.consignors = consignors;
        this.products = products;
        this.goods = goods;
        this.stock = stock;
        this.printing = printing;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.time = time;
        this.station = station;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Takes a lot in and queues its labels, certificate and receipt.
     *
     * @throws ConsignmentRefused {@code NOT_FOUND} (consignor or product), {@code BAD_WEIGHT}, {@code BAD_QUANTITY},
     *                            {@code BAD_PRICE}, {@code BAD_ORIGIN}, {@code BAD_DATE}
     */
    public Lot intake(LotRequest request) {
        Consignor consignor = consignors.find(request.consignorId()).filter(c -> c.erasedAt() == null)
                .orElseThrow(() -> new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.not-found"));
        ConsignmentProducts.Product product = products.find(request.productCode() == null ? "" : request.productCode())
                .orElseThrow(() -> new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.no-product"));
        Unit unit = request.unit() == null ? product.unit() : request.unit();
        if (unit != product.unit()) {
            throw new ConsignmentRefused("BAD_UNIT", 400, "consignment.error.unit");
        }
        List<Long> parts = new ArrayList<>();
        if (unit == Unit.KG) {
            if (request.bags().isEmpty() || request.bags().size() > 500) {
                throw new ConsignmentRefused("BAD_WEIGHT", 400, "consignment.error.no-bags");
            }
            for (Long grams : request.bags()) {
                if (grams == null || grams <= 0 || grams > MAX_BAG_GRAMS) {
                    throw new ConsignmentRefused("BAD_WEIGHT", 400, "consignment.error.weight");
                }
                parts.add(grams);
            }
        } else {
            long pieces = request.pieces() == null ? 0 : request.pieces();
            if (pieces <= 0 || pieces > MAX_PIECES) {
                throw new ConsignmentRefused("BAD_QUANTITY", 400, "consignment.error.pieces");
            }
            for (long i = 0; i < pieces; i++) {
                parts.add(1L);
            }
        }
        if (request.unitPriceFen() <= 0 || request.unitPriceFen() > 1_000_000) {
            throw new ConsignmentRefused("BAD_PRICE", 400, "consignment.error.price");
        }
        if (unit == Unit.PIECE && request.unitPriceFen() > 99_999) {
            throw new ConsignmentRefused("BAD_PRICE", 400, "consignment.error.piece-price");
        }
        if (parts.stream().anyMatch(part -> unit.amountFen(part, request.unitPriceFen()) <= 0)) {
            throw new ConsignmentRefused("BAD_PRICE", 400, "consignment.error.bag-price"); // a label must carry at least one fen
        }
        String origin = request.origin() == null ? "" : request.origin().strip();
        if (origin.isEmpty() || origin.length() > 40) {
            throw new ConsignmentRefused("BAD_ORIGIN", 400, "consignment.error.origin");
        }
        LocalDate today = time.date(clock.instant());
        LocalDate harvested = request.harvestedOn() == null ? today : request.harvestedOn();
        if (harvested.isAfter(today) || harvested.isBefore(today.minusYears(1))) {
            throw new ConsignmentRefused("BAD_DATE", 400, "consignment.error.harvest-date");
        }
        String grade = request.grade() == null || request.grade().isBlank() ? product.grade() : request.grade().strip();
        if (grade.length() > 10) {
            throw new ConsignmentRefused("BAD_GRADE", 400, "consignment.error.grade");
        }
        CommitmentBasis basis = request.basis() == null ? CommitmentBasis.QUALITY_CONTROL : request.basis();
        long quantity = parts.stream().mapToLong(Long::longValue).sum();
        for (int attempt = 0; ; attempt++) {
            try {
                return tx.execute(s -> store(consignor, product, grade, unit, parts, quantity, request.unitPriceFen(), origin, harvested, basis));
            } catch (DuplicateKeyException raced) {
                if (attempt >= 3) {
                    throw raced; // another clerk took the same lot number each time: very unlikely, said plainly
                }
            }
        }
    }

    private Lot store(Consignor consignor, ConsignmentProducts.Product product, String grade, Unit unit, List<Long> parts, long quantity,
                      long unitPriceFen, String origin, LocalDate harvested, CommitmentBasis basis) {
        Instant now = clock.instant();
        LocalDate today = time.date(now);
        long ofToday = jdbc.sql("SELECT COUNT(*) FROM consignment_lot WHERE lot_no LIKE ?").param(lotPrefix(today) + "%").query(Long.class).single();
        String lotNo = lotPrefix(today) + String.format("%03d", ofToday + 1);
        Sku sku;
        String pooledBarcode = null;
        if (product.pooled()) {
            // one SKU per product, grade and price, shared by every consignor's lots of it; sold first in, first out by intake
            String code = "POOL-" + product.code() + "-" + Digests.sha256(grade).substring(0, 6) + "-" + unitPriceFen;
            sku = goods.find(code).orElseGet(() -> goods.save(new SkuDraft(code, null, product.name() + " " + grade, "代销 合售", unit, unitPriceFen, null,
                    product.category(), List.of(), 0)));
            pooledBarcode = unit == Unit.PIECE ? goods.inStoreBarcode(code) : null;
        } else {
            sku = goods.save(new SkuDraft("LOT-" + lotNo, null, product.name() + " " + grade, origin + " · 代销 " + lotNo, unit, unitPriceFen, null,
                    product.category(), List.of(), 0));
        }
        UUID id = UuidV7.next(clock);
        jdbc.sql("""
                        INSERT INTO consignment_lot (id, lot_no, consignor_id, product_code, product_name, grade, unit, sku, short_code, unit_price_fen,
                            quantity, origin, harvested_on, commitment_basis, commission_counter_pct, commission_online_pct, period_days, end_action,
                            floor_price_fen, clerk, terminal, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, lotNo, consignor.id(), product.code(), product.name(), grade, unit.name(), sku.sku(), sku.shortCode(), unitPriceFen, quantity,
                        origin, harvested, product.certificate() ? basis.name() : null, consignor.commissionCounterPct(), consignor.commissionOnlinePct(),
                        consignor.periodDays(), consignor.endAction().name(), consignor.floorPriceFen(), audit.currentActor(), CurrentTerminal.name(),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        List<String> barcodes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            long part = parts.get(i);
            long price = unit.amountFen(part, unitPriceFen);
            String barcode = pooledBarcode != null ? pooledBarcode : goods.scaleLabel(sku, part, price);
            barcodes.add(barcode);
            jdbc.sql("INSERT INTO consignment_label (lot_id, position, barcode, quantity, price_fen) VALUES (?, ?, ?, ?, ?)")
                    .params(id, i, barcode, part, price).update();
        }
        // a pooled lot's stock has no date of its own in the FEFO order: lots of a shared SKU go first in, first out by intake
        stock.receiveOwned(sku.sku(), consignor.id().toString(), lotNo, "", quantity, product.pooled() ? null : harvested, null, "lot:" + id);
        jdbc.sql("UPDATE consignment_consignor SET last_activity_at = ? WHERE id = ?").params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                consignor.id()).update();
        Lot lot = new Lot(id, lotNo, consignor.id(), product.name(), grade, unit, sku.sku(), sku.shortCode(), quantity, unitPriceFen, origin, harvested,
                barcodes, now);
        events.publishEvent(new LotReceived(UuidV7.next(clock), id, lotNo, consignor.id(), product.code(), unit.name(), quantity, unitPriceFen, now));
        audit.record("consignment.lot-received", lotNo + " " + consignor.name() + " " + product.name() + " " + Quantities.text(unit, quantity,
                Translations.SIMPLIFIED));
        print(lot, parts, product, consignor, basis);
        return lot;
    }

    private static String lotPrefix(LocalDate day) {
        return "L" + day.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "-";
    }

    /** Labels and the 合格证 on the label printer at this counter, the receipt on its receipt printer. */
    private void print(Lot lot, List<Long> parts, ConsignmentProducts.Product product, Consignor consignor, CommitmentBasis basis) {
        Locale zh = Translations.SIMPLIFIED;
        String terminal = CurrentTerminal.name();
        String perUnit = Money.yuan(lot.unitPriceFen()) + "/" + Translations.translate("inventory.unit.per." + lot.unit(), zh);
        for (int i = 0; i < parts.size(); i++) {
            PrintDocument label = PrintDocument.builder("lot-label").center().bold(lot.productName() + " " + lot.grade())
                    .text(lot.origin() + " · " + Quantities.text(lot.unit(), parts.get(i), zh) + " · " + perUnit)
                    .large(Money.yuan(lot.unit().amountFen(parts.get(i), lot.unitPriceFen())))
                    .barcode(lot.labelBarcodes().get(i), 8).build();
            printing.printAt(terminal, DeviceKind.LABEL_PRINTER, label);
        }
        if (product.certificate()) {
            String phone = consignors.phone(consignor.id()).orElse("");
            PrintDocument certificate = PrintDocument.builder("certificate").center()
                    .bold(Translations.translate("consignment.certificate.title", zh)).left()
                    .text(Translations.translate("consignment.certificate.product", zh, lot.productName() + " " + lot.grade()))
                    .text(Translations.translate("consignment.certificate.quantity", zh, Quantities.text(lot.unit(), lot.quantity(), zh)))
                    .text(Translations.translate("consignment.certificate.origin", zh, lot.origin()))
                    .text(Translations.translate("consignment.certificate.producer", zh, consignor.name(), phone))
                    .text(Translations.translate("consignment.certificate.date", zh, time.date(lot.receivedAt()).toString()))
                    .text(Translations.translate("consignment.certificate.basis", zh,
                            Translations.translate("consignment.basis." + basis, zh)))
                    .text(Translations.translate("consignment.certificate.promise", zh))
                    .center().qr(station.station().id() + " " + lot.lotNo(), 12).build();
            printing.printAt(terminal, DeviceKind.LABEL_PRINTER, certificate);
        }
        PrintDocument.Builder receipt = PrintDocument.builder("intake-receipt").center().large(station.station().name())
                .huge(Translations.translate("consignment.receipt.title", zh)).left()
                .large(Translations.translate("consignment.receipt.lot", zh, lot.lotNo()))
                .large(consignor.name())
                .large(lot.productName() + " " + lot.grade())
                .large(Translations.translate("consignment.receipt.quantity", zh, Quantities.text(lot.unit(), lot.quantity(), zh), parts.size()))
                .large(perUnit);
        if (lot.unit() == Unit.KG && parts.size() > 1) {
            for (int i = 0; i < parts.size(); i++) {
                receipt.text((i + 1) + ". " + Quantities.text(lot.unit(), parts.get(i), zh));
            }
        }
        receipt.text(Translations.translate("consignment.receipt.terms", zh, consignor.commissionCounterPct(), consignor.commissionOnlinePct(),
                        consignor.periodDays(), Translations.translate("consignment.end." + consignor.endAction(), zh)))
                .text(time.dateTime(lot.receivedAt()))
                .feed(2).large(Translations.translate("consignment.receipt.signature", zh)).feed(1)
                .large(Translations.translate("consignment.receipt.account", zh, String.valueOf(consignor.accountNo())))
                .large(Translations.translate("consignment.receipt.check-code", zh, consignors.checkCode(consignor.accountNo())))
                .text(Translations.translate("consignment.receipt.kiosk", zh))
                .center().barcode(consignors.kioskBarcode(consignor), 10).feed(1);
        printing.printAt(terminal, DeviceKind.RECEIPT_PRINTER, receipt.build());
    }
}

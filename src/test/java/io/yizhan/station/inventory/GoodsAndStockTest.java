package io.yizhan.station.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.inventory.internal.Pinyin;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Goods, barcodes and stock: GTIN check digits, variable-measure labels per the shipped layouts,
 * pinyin search, FEFO, every move type with its rules, history that is never edited, thresholds.
 */
@StationTest
class GoodsAndStockTest {

    @Autowired
    Goods goods;
    @Autowired
    Stock stock;
    @Autowired
    Thresholds thresholds;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    io.yizhan.station.shared.StationTime time;
    @Autowired
    java.time.Clock clock;

    @BeforeEach
    void atCounter() {
        SignedIn.as(security, "clerk", Role.CLERK);
        AtCounter.bind("counter-1");
    }

    @AfterEach
    void leave() {
        AtCounter.unbind();
        SignedIn.out(security);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A fresh GTIN-13 (valid check digit) no other test uses. */
    static String gtin() {
        String digits = "69" + String.format("%010d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 10_000_000_000L);
        return Barcodes.withCheckDigit(digits);
    }

    Sku piece(String name, long priceFen, String... barcodes) {
        return goods.save(new SkuDraft(unique("T"), null, name, "500g", Unit.PIECE, priceFen, 300L, "日用", List.of(barcodes), 0));
    }

    @Test
    void checkDigitsAreVerified() {
        assertThat(Barcodes.validGtin("6901234567892")).isTrue();
        assertThat(Barcodes.validGtin("6901234567891")).isFalse();
        assertThat(Barcodes.validGtin("96385074")).isTrue();
        assertThatThrownBy(() -> goods.read("6901234567891")).extracting("code").isEqualTo("BAD_BARCODE");
        assertThatThrownBy(() -> goods.read("abc")).extracting("code").isEqualTo("BAD_BARCODE");
        assertThatThrownBy(() -> goods.read(gtin())).extracting("code").isEqualTo("UNKNOWN_BARCODE");
        assertThatThrownBy(() -> piece("坏条码", 100, "6901234567891")).extracting("code").isEqualTo("BAD_BARCODE");
    }

    @Test
    void aBarcodeBelongsToOneGood() {
        String code = gtin();
        Sku first = piece("洗衣粉", 1_290, code);
        assertThat(goods.read(code).sku().sku()).isEqualTo(first.sku());
        assertThatThrownBy(() -> piece("另一种", 100, code)).extracting("code").isEqualTo("BARCODE_TAKEN");
    }

    @Test
    void pinyinInitialsFindGoods() {
        assertThat(Pinyin.initials("红富士苹果 A级")).isEqualTo("hfspgaj");
        Sku apple = goods.save(new SkuDraft(unique("T"), null, "苹果测试" + UUID.randomUUID().toString().substring(0, 4), "", Unit.KG, 880, null, "生鲜",
                List.of(), 0));
        assertThat(goods.search("pgcs", 20)).extracting(Sku::sku).contains(apple.sku());
        assertThat(goods.search(apple.shortCode(), 5)).extracting(Sku::sku).containsExactly(apple.sku());
    }

    @Test
    void variableMeasureLabelsCarryPriceOrWeight() {
        Sku apple = goods.save(new SkuDraft(unique("T"), null, "苹果", "", Unit.KG, 880, null, "生鲜", List.of(), 0));
        // 28 + short code + price 1,100 fen + check: ¥11.00 at ¥8.80/kg is 1,250 g
        ScannedGood priced = goods.read(Barcodes.withCheckDigit("28" + apple.shortCode() + "01100"));
        assertThat(priced.amountFen()).isEqualTo(1_100);
        assertThat(priced.quantity()).isEqualTo(1_250);
        // 29 + short code + 1,255 g + check: 1,255 × 880 ÷ 1000 = 1,104.4 → 1,104 fen
        ScannedGood weighed = goods.read(Barcodes.withCheckDigit("29" + apple.shortCode() + "01255"));
        assertThat(weighed.quantity()).isEqualTo(1_255);
        assertThat(weighed.amountFen()).isEqualTo(1_104);
        assertThat(Unit.KG.amountFen(1_250, 881)).isEqualTo(1_101); // 1,101.25 → 1,101
        assertThat(Unit.KG.amountFen(500, 881)).isEqualTo(441); // 440.5 → 441, half up
        String bad = "28" + apple.shortCode() + "01100" + "0";
        if (!Barcodes.validGtin(bad)) {
            assertThatThrownBy(() -> goods.read(bad)).extracting("code").isEqualTo("BAD_BARCODE");
        }
        assertThatThrownBy(() -> goods.read(Barcodes.withCheckDigit("2899999" + "01100"))).extracting("code").isEqualTo("UNKNOWN_BARCODE");
    }

    @Test
    void salesTakeTheBatchThatExpiresFirst() {
        Sku milk = piece("牛奶", 350);
        stock.move(new MoveRequest(MoveType.RECEIVE, milk.sku(), "LATE", null, LocalDate.of(2027, 3, 1), null, "A-01-01", 5, 200L, null));
        stock.move(new MoveRequest(MoveType.RECEIVE, milk.sku(), "EARLY", null, LocalDate.of(2027, 1, 1), null, "A-01-02", 3, 200L, null));
        List<Stock.Taken> taken = tx.execute(s -> stock.take(milk.sku(), 4, "sale:" + UUID.randomUUID(), false));
        assertThat(taken).extracting(Stock.Taken::batch, Stock.Taken::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EARLY", 3L), org.assertj.core.groups.Tuple.tuple("LATE", 1L));
        assertThat(goods.onHand(milk.sku())).isEqualTo(4);
        assertThatThrownBy(() -> tx.execute(s -> stock.take(milk.sku(), 5, "sale:" + UUID.randomUUID(), false)))
                .extracting("code", "sku").containsExactly("OUT_OF_STOCK", milk.sku());
        assertThat(goods.onHand(milk.sku())).as("a refused sale takes nothing").isEqualTo(4);
        tx.executeWithoutResult(s -> stock.take(milk.sku(), 5, "sale:" + UUID.randomUUID(), true));
        assertThat(goods.onHand(milk.sku())).as("a manager allowed it").isEqualTo(-1);
    }

    @Test
    void movesFollowTheirRulesAndHistoryIsNeverEdited() {
        Sku soap = piece("肥皂", 450);
        stock.move(new MoveRequest(MoveType.RECEIVE, soap.sku(), "B1", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1), null, "a-01-01", 10, 300L,
                null));
        stock.move(new MoveRequest(MoveType.TRANSFER, soap.sku(), null, null, null, "A-01-01", "B-02-02", 4, null, null));
        assertThat(stock.levels(soap.sku())).extracting(StockLevel::location, StockLevel::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("A-01-01", 6L), org.assertj.core.groups.Tuple.tuple("B-02-02", 4L));
        assertThatThrownBy(() -> stock.move(new MoveRequest(MoveType.WRITE_OFF, soap.sku(), null, null, null, "A-01-01", null, 1, null, null)))
                .extracting("code").isEqualTo("BAD_REASON");
        assertThatThrownBy(() -> stock.move(new MoveRequest(MoveType.WRITE_OFF, soap.sku(), null, null, null, "A-01-01", null, 1, null, "BORED")))
                .extracting("code").isEqualTo("BAD_REASON");
        stock.move(new MoveRequest(MoveType.WRITE_OFF, soap.sku(), null, null, null, "A-01-01", null, 1, null, "damaged"));
        assertThatThrownBy(() -> stock.move(new MoveRequest(MoveType.WRITE_OFF, soap.sku(), null, null, null, "A-01-01", null, 99, null, "LOST")))
                .extracting("code").isEqualTo("OUT_OF_STOCK");
        assertThatThrownBy(() -> stock.move(new MoveRequest(MoveType.ADJUST, soap.sku(), "B1", null, null, "A-01-01", null, -50, null, null)))
                .extracting("code").isEqualTo("BAD_QUANTITY");
        stock.move(new MoveRequest(MoveType.ADJUST, soap.sku(), "B1", null, null, "A-01-01", null, -2, null, null));
        assertThatThrownBy(() -> stock.move(new MoveRequest(MoveType.RECEIVE, soap.sku(), null, null, null, null, "A-01-01", -3, null, null)))
                .extracting("code").isEqualTo("BAD_QUANTITY");
        assertThat(goods.onHand(soap.sku())).isEqualTo(7);
        List<String> types = jdbc.sql("SELECT type FROM inventory_move WHERE sku = ? ORDER BY moved_at, id").param(soap.sku()).query(String.class).list();
        assertThat(types).containsExactly("RECEIVE", "TRANSFER", "WRITE_OFF", "ADJUST");
        assertThat(jdbc.sql("SELECT clerk || '/' || terminal || '/' || owner FROM inventory_move WHERE sku = ?").param(soap.sku()).query(String.class)
                .list()).containsOnly("clerk/counter-1/STATION");
        // the net of the moves is what is on hand: nothing changed stock outside a move
        long net = jdbc.sql("""
                        SELECT SUM(CASE WHEN type IN ('RECEIVE', 'RETURN', 'ADJUST') THEN quantity WHEN type IN ('SALE', 'WRITE_OFF') THEN -quantity ELSE 0 END)
                        FROM inventory_move WHERE sku = ?""").param(soap.sku()).query(Long.class).single();
        assertThat(net).isEqualTo(7);
    }

    @Test
    void lowStockAndNearExpiry() {
        Sku bread = goods.save(new SkuDraft(unique("T"), null, "面包", "", Unit.PIECE, 500, null, "食品", List.of(), 5));
        LocalDate today = time.date(clock.instant());
        stock.move(new MoveRequest(MoveType.RECEIVE, bread.sku(), "B", null, today.plusDays(2), null, "C-01", 3, null, null));
        tx.executeWithoutResult(s -> stock.take(bread.sku(), 1, "sale:" + UUID.randomUUID(), false));
        assertThat(thresholds.lowStock()).filteredOn(l -> l.sku().equals(bread.sku())).singleElement()
                .satisfies(l -> {
                    assertThat(l.onHand()).isEqualTo(2);
                    assertThat(l.threshold()).isEqualTo(5);
                    assertThat(l.suggestion()).isEqualTo(1); // 1 sold in 28 days × (3 + 2) days → 0.18, rounded up
                });
        assertThat(thresholds.nearExpiry()).extracting(Thresholds.NearExpiry::sku).contains(bread.sku());
        assertThat(thresholds.lowStockCount()).isEqualTo(thresholds.lowStock().size());
        assertThat(thresholds.nearExpiryCount()).isEqualTo(thresholds.nearExpiry().size());
        assertThat(thresholds.suggestion(56)).isEqualTo(10);
    }

    @Test
    void aPictureIsScaledAndKeptAsJpeg() throws Exception {
        Sku tea = piece("茶杯", 1_500);
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(1_200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(photo, "png", png);
        goods.setPicture(tea.sku(), png.toByteArray());
        byte[] kept = goods.picture(tea.sku()).orElseThrow();
        java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(kept));
        assertThat(back.getWidth()).isEqualTo(320);
        assertThat(back.getHeight()).isEqualTo(213);
        assertThat(kept[0] & 0xFF).as("a JPEG").isEqualTo(0xFF);
        assertThatThrownBy(() -> goods.setPicture(tea.sku(), "不是图片".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .extracting("code").isEqualTo("BAD_PICTURE");
        assertThat(goods.find(tea.sku()).orElseThrow().name()).isEqualTo("茶杯");
        goods.save(new SkuDraft(tea.sku(), null, "茶杯（大）", "", Unit.PIECE, 1_600, null, "", List.of(), 0));
        assertThat(goods.picture(tea.sku())).as("saving the good keeps its picture").isPresent();
    }

    @Test
    void labelsPrintAndAGoodWithoutABarcodeGetsTheStationsOwn() {
        Sku loose = piece("散装花生", 1_200);
        long before = jdbc.sql("SELECT COUNT(*) FROM devices_print_job WHERE document IN ('price-label', 'barcode-label')").query(Long.class).single();
        assertThat(goods.printShelfLabel(loose.sku())).as("a price label on the label printer").isPresent();
        assertThat(goods.printBarcodeLabels(loose.sku(), 2)).isPresent();
        String own = Barcodes.inStore(loose.shortCode());
        assertThat(goods.find(loose.sku()).orElseThrow().barcodeList()).containsExactly(own);
        assertThat(goods.read(own).sku().sku()).as("the printed code scans").isEqualTo(loose.sku());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM devices_print_job WHERE document IN ('price-label', 'barcode-label')").query(Long.class).single())
                .isEqualTo(before + 3);
    }
}

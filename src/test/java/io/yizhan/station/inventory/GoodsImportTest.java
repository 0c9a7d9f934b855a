package io.yizhan.station.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Import from real CSV (UTF-8 with and without BOM, GB18030) and XLSX files, broken ones included:
 * every rejected row with its spreadsheet row number and reason, a dry run that stores nothing, and an
 * import that stores every accepted row (and only those).
 */
@StationTest
class GoodsImportTest {

    static final String HEADER = "SKU编码,商品名称,规格,条码,单位,售价(元),批次号,生产日期,保质期(天),货位,数量,预警阈值,店内码,进价(元)";

    @Autowired
    GoodsImport importer;
    @Autowired
    Goods goods;
    @Autowired
    Stock stock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityContextHolderStrategy security;

    String p;

    @BeforeEach
    void atCounter() {
        SignedIn.as(security, "clerk", Role.CLERK);
        AtCounter.bind("counter-1");
        p = "I" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    @AfterEach
    void leave() {
        AtCounter.unbind();
        SignedIn.out(security);
    }

    private long skus() {
        return jdbc.sql("SELECT COUNT(*) FROM inventory_sku WHERE sku LIKE ?").param(p + "%").query(Long.class).single();
    }

    private String csv() {
        String rice = GoodsAndStockTest.gtin();
        return HEADER + "\n"
                + p + "1,大米,5kg,%s,件,39.90,B1,2026-11-01,365,A-01-01,20,5,,32.00\n".formatted(rice)
                + p + "1,大米,5kg,,件,39.90,B2,2026/11/20,365,A-01-02,10,5,,\n"
                + p + "2,苹果,散装,,千克,8.80,B3,20261120,30,B-02-01,25.5,5,,6.50\n"
                + p + "3,酱油,500ml,6901234567891,件,12.50,,,,A-02-01,3,1,,\n" // row 5: wrong check digit
                + p + "1,大米,5kg,,件,41.00,B4,2026-11-01,365,A-01-01,1,5,,\n" // row 6: disagrees with row 2
                + p + "4,盐,,,件,abc,,,,,1,,,\n" // row 7: text for a price
                + p + "5,醋,,,件,-2.00,,,,,1,,,\n" // row 8: negative price
                + p + "6,糖,,,件,5.00,,2026-02-30,180,,1,,,\n" // row 9: no such day
                + p + "7,葱,,,千克,3.00,,,,,1.2345,,,\n" // row 10: four decimals of kg
                + p + "8,蛋,,,箱,3.00,,,,,1,,,\n"; // row 11: unknown unit
    }

    @Test
    void aDryRunListsEveryRejectedRowAndStoresNothing() {
        GoodsImport.Result dry = importer.run(csv().getBytes(StandardCharsets.UTF_8), true);
        assertThat(dry.accepted()).isEqualTo(3);
        assertThat(dry.rejected()).extracting(GoodsImport.Rejected::row).containsExactly(5, 6, 7, 8, 9, 10, 11);
        assertThat(dry.rejected()).extracting(GoodsImport.Rejected::reasonKey).containsExactly("inventory.import.error.barcode",
                "inventory.import.error.disagrees", "inventory.import.error.price", "inventory.import.error.price", "inventory.import.error.date",
                "inventory.import.error.quantity-kg", "inventory.import.error.unit");
        assertThat(dry.rejected().get(1).args()).containsExactly(p + "1", "2");
        assertThat(skus()).isZero();
    }

    @Test
    void theImportStoresTheAcceptedRowsInOneGo() {
        byte[] bom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = csv().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);
        GoodsImport.Result done = importer.run(file, false);
        assertThat(done.accepted()).isEqualTo(3);
        assertThat(done.rejected()).hasSize(7);
        assertThat(skus()).isEqualTo(2);
        Sku rice = goods.find(p + "1").orElseThrow();
        assertThat(rice.priceFen()).isEqualTo(3_990);
        assertThat(rice.costFen()).isEqualTo(3_200);
        assertThat(rice.threshold()).isEqualTo(5);
        assertThat(rice.pinyin()).isEqualTo("dm");
        assertThat(rice.shortCode()).matches("\\d{5}");
        assertThat(goods.onHand(p + "1")).isEqualTo(30);
        assertThat(goods.onHand(p + "2")).as("25.5 kg in grams").isEqualTo(25_500);
        assertThat(stock.levels(p + "2")).singleElement().satisfies(l -> {
            assertThat(l.expiresOn()).isEqualTo(java.time.LocalDate.of(2026, 12, 20));
            assertThat(l.location()).isEqualTo("B-02-01");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inventory_move WHERE sku LIKE ? AND type = 'RECEIVE'").param(p + "%").query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void gb18030AsChineseSpreadsheetProgramsExportIt() {
        String text = HEADER + "\n" + p + "1,红枣,500g,,件,19.80,B1,2026-10-01,180,A-03-01,12,2,,\n";
        GoodsImport.Result done = importer.run(text.getBytes(Charset.forName("GB18030")), false);
        assertThat(done.rejected()).isEmpty();
        assertThat(goods.find(p + "1").orElseThrow().name()).isEqualTo("红枣");
    }

    @Test
    void xlsxWithNumbersAndDateCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("商品");
        String[] header = HEADER.split(",");
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        String barcode = GoodsAndStockTest.gtin();
        ws.value(1, 0, p + "1");
        ws.value(1, 1, "花生油");
        ws.value(1, 2, "1.8L");
        ws.value(1, 3, Long.parseLong(barcode)); // typed as a number, as Excel does
        ws.value(1, 4, "件");
        ws.value(1, 5, 59.9);
        ws.value(1, 6, "B9");
        ws.value(1, 7, java.time.LocalDate.of(2026, 9, 1));
        ws.style(1, 7).format("yyyy-mm-dd").set();
        ws.value(1, 8, 540);
        ws.value(1, 9, "A-04-01");
        ws.value(1, 10, 8);
        ws.value(1, 11, 2);
        ws.value(2, 0, p + "2");
        ws.value(2, 1, "坏行");
        ws.value(2, 4, "件");
        ws.value(2, 5, "九块");
        ws.value(2, 10, 1);
        wb.finish();
        GoodsImport.Result done = importer.run(out.toByteArray(), false);
        assertThat(done.rejected()).extracting(GoodsImport.Rejected::row).containsExactly(3);
        Sku oil = goods.find(p + "1").orElseThrow();
        assertThat(oil.barcodeList()).containsExactly(barcode);
        assertThat(oil.priceFen()).isEqualTo(5_990);
        assertThat(stock.levels(p + "1")).singleElement().extracting(StockLevel::expiresOn).isEqualTo(java.time.LocalDate.of(2028, 2, 23));
    }

    @Test
    void brokenFilesAreRefusedWhole() {
        assertThatThrownBy(() -> importer.run("名称,价格\n苹果,1\n".getBytes(StandardCharsets.UTF_8), true))
                .extracting("code").isEqualTo("MISSING_COLUMNS");
        byte[] garbage = new byte[10 * 1024 * 1024];
        new Random(7).nextBytes(garbage);
        assertThatThrownBy(() -> importer.run(garbage, false)).isInstanceOf(InventoryRefused.class);
        byte[] brokenZip = new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThatThrownBy(() -> importer.run(brokenZip, false)).extracting("code").isEqualTo("NOT_A_SPREADSHEET");
        assertThatThrownBy(() -> importer.run(new byte[0], false)).extracting("code").isEqualTo("EMPTY_FILE");
        assertThat(skus()).isZero();
    }

    @Test
    void theTemplatesImportCleanly() {
        GoodsImport.Result xlsx = importer.run(GoodsImport.templateXlsx(), true);
        GoodsImport.Result csv = importer.run(GoodsImport.templateCsv(), true);
        assertThat(xlsx.rejected()).isEmpty();
        assertThat(csv.rejected()).isEmpty();
        assertThat(List.of(xlsx.accepted(), csv.accepted())).containsOnly(2);
    }
}

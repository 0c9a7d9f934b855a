package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.yizhan.station.devices.internal.ToledoDecoder;
import io.yizhan.station.inventory.Barcodes;
import io.yizhan.station.support.RequiredTool;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * The sales counter on real parts, as a clerk works it: goods imported from a spreadsheet; a sale
 * driven by the counter scanner on a pty — a good scanned twice, a weighed good on the Toledo scale on
 * a pty, a price-embedded scale label — paid in cash with the change shown; the receipt's QR code
 * (read from the printed receipt with zbarimg) scanned back for a return; and a manager's stocktake
 * counted by scanning, its difference posted and its XLSX report downloaded and read back. Every
 * screen passes axe-core and the counter's size floor.
 */
class SalesIT {

    @Test
    void sellWithScannerAndScaleReturnByQrAndStocktake() throws Exception {
        RequiredTool.require("zbarimg", "zbar-tools");
        PageChecks checks = new PageChecks();
        try (ScannerStation s = new ScannerStation("sales", true)) {
            String csv = """
                    SKU编码,商品名称,规格,条码,单位,售价(元),批次号,生产日期,保质期(天),货位,数量,预警阈值,店内码
                    SP1,肥皂,100g,6901234567892,件,4.50,B1,2026-10-01,720,A-01-01,10,2,
                    SP2,苹果,散装,6902345678903,千克,8.80,B2,2026-11-25,30,B-01-01,20,1,00077
                    SP3,红枣,500g,,千克,19.80,B3,2026-11-01,180,B-01-02,5,1,00078
                    """;
            // the clerk imports the station's spreadsheet: a dry run first, then the import
            Path sheet = Files.createTempFile(Path.of("target"), "goods-", ".csv");
            Files.write(sheet, (csv + "SP4,坏行,,,件,九块,,,,,1,,\n").getBytes(StandardCharsets.UTF_8));
            Page counter = s.counter();
            counter.navigate(s.station.url("/counter/goods"));
            counter.setInputFiles("vaadin-upload input[type=file]", sheet);
            counter.waitForCondition(() -> counter.locator("#import-result").textContent().contains("3 行可以导入，1 行有问题"),
                    new Page.WaitForConditionOptions().setTimeout(15_000));
            assertThat(counter.locator("#import-result").textContent()).contains("第 5 行：售价“九块”不对");
            checks.check(counter, "counter-goods-import", 14, 24);
            counter.locator("#import-now").click();
            counter.waitForCondition(() -> counter.locator("#import-result").textContent().contains("已导入 3 行"));
            assertThat(s.get("/api/inventory/skus?barcode=6901234567892")).contains("\"onHand\":10");

            counter.navigate(s.station.url("/counter/sales"));
            counter.locator("#sale-code input").waitFor();
            s.scan(s.counterScanner, "6901234567892");
            counter.waitForCondition(() -> counter.locator("#sale-total").textContent().equals("合计 ¥4.50"),
                    new Page.WaitForConditionOptions().setTimeout(10_000));
            // the same good again, after the scanner's dedupe window: one more
            Thread.sleep(1_000);
            s.scan(s.counterScanner, "6901234567892");
            counter.waitForCondition(() -> counter.locator("#sale-total").textContent().equals("合计 ¥9.00"),
                    new Page.WaitForConditionOptions().setTimeout(10_000));
            // the apples on the scale: 1,255 g steady
            for (int i = 0; i < 10; i++) {
                s.scale.write(ToledoDecoder.frame(1_255, false, false, true));
                Thread.sleep(100);
            }
            s.scan(s.counterScanner, "6902345678903");
            // a bag of dates with the station's price label: ¥9.90 → 500 g at ¥19.80/kg
            s.scan(s.counterScanner, Barcodes.withCheckDigit("2800078" + "00990"));
            // 9.00 + 1.255 kg × 8.80 (11.04) + 9.90
            counter.waitForCondition(() -> counter.locator("#sale-total").textContent().equals("合计 ¥29.94"),
                    new Page.WaitForConditionOptions().setTimeout(10_000));
            assertThat(counter.locator("#sale-lines").textContent()).contains("1.255千克", "0.500千克");
            checks.check(counter, "counter-sales-lines", 14, 24);
            counter.locator("#tendered input").fill("50");
            counter.waitForCondition(() -> counter.locator("#sale-change").textContent().contains("¥20.06"));
            counter.locator("#pay-cash").click();
            counter.waitForCondition(() -> counter.locator("#sale-result").textContent().equals("已收款 ¥29.94，找零 ¥20.06"));
            checks.check(counter, "counter-sales-paid", 14, 24);
            assertThat(s.get("/api/inventory/skus?barcode=6901234567892")).contains("\"onHand\":8");

            // the receipt as printed carries the sale's QR code: read it, then scan it back for a return
            Matcher job = Pattern.compile("\\{[^}]*\"document\":\"sale-receipt\"[^}]*}").matcher(s.get("/api/print-jobs"));
            assertThat(job.find()).as("a sale-receipt job").isTrue();
            Path png = Files.createTempFile(Path.of("target"), "sale-receipt-", ".png");
            Files.write(png, s.getBytes("/api/print-jobs/" + job.group().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1") + "/preview"));
            Process zbar = new ProcessBuilder("zbarimg", "--quiet", "--raw", "-Sqrcode.enable", png.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String saleId = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(zbar.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(saleId).matches("[0-9a-f-]{36}");
            s.scan(s.counterScanner, saleId);
            counter.locator("#return-qty-0 input").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            counter.locator("#return-qty-0 input").fill("1");
            counter.locator("#return-reason input").fill("多买了一块");
            counter.locator("#return-confirm").click();
            counter.waitForCondition(() -> counter.locator("#return-result").textContent().contains("¥4.50"));
            assertThat(counter.locator("#return-result").textContent()).contains("已退回原付款方式");
            checks.check(counter, "counter-sales-return", 14, 24);
            assertThat(s.get("/api/sales/" + saleId)).contains("\"status\":\"PARTIALLY_RETURNED\"");
            assertThat(s.get("/api/inventory/skus?barcode=6901234567892")).contains("\"onHand\":9");

            // the manager's stocktake of A-01-01: one soap is missing
            Page manager = s.counter("manager");
            manager.navigate(s.station.url("/counter/stocktake"));
            manager.locator("#stocktake-location input").fill("A-01-01");
            manager.locator("#stocktake-start").click();
            manager.waitForCondition(() -> manager.locator("#stocktake-result").textContent().equals("盘点已开始"));
            manager.locator("#count-code input").fill("SP1");
            manager.locator("#count-quantity input").fill("8");
            manager.locator("#count-add").click();
            manager.waitForCondition(() -> manager.locator("#stocktake-result").textContent().contains("已盘 8件"));
            assertThat(manager.locator("#stocktake-lines").textContent()).contains("9件", "8件", "-1件", "-¥4.50");
            checks.check(manager, "counter-stocktake", 14, 24);
            Download download = manager.waitForDownload(() -> manager.locator("#report-xlsx").click());
            try (InputStream in = Files.newInputStream(download.path()); ReadableWorkbook wb = new ReadableWorkbook(in)) {
                List<Row> rows = wb.getFirstSheet().read();
                assertThat(rows.getFirst().getCellText(0)).isEqualTo("货位");
                assertThat(rows.get(1).getCellText(2)).isEqualTo("肥皂");
                assertThat(rows.get(1).getCellText(7)).isEqualTo("-1");
            }
            manager.locator("#stocktake-post").click();
            manager.waitForCondition(() -> manager.locator("#stocktake-result").textContent().equals("已过账"));
            assertThat(s.get("/api/inventory/skus?barcode=6901234567892")).contains("\"onHand\":8");

            manager.navigate(s.station.url("/counter/goods"));
            manager.locator("#goods-query input").fill("pg");
            manager.waitForCondition(() -> manager.locator("#goods-list").textContent().contains("苹果"));
            checks.check(manager, "counter-goods", 14, 24);
        }
    }
}

package io.yizhan.station.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.inventory.Barcodes;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.GoodsImport;
import io.yizhan.station.shared.DurableStorage;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.BenchmarkFloor;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.TestClockConfiguration;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;

/**
 * Counter sales and inventory benchmark, not a test (Surefire does not pick it up by name): run
 * {@code ./mvnw -Pbench test -Dtest=SalesBenchmark}. On the station's H2 file database (commits forced
 * to the disk): the import of 20,000 rows from CSV and from XLSX, each as a dry run and for real; a
 * SKU looked up by barcode among 40,000; a 5-line cash sale in the service (stock, payment, receipt
 * job, events), with process CPU and forced writes per sale; the forced-write floor of the same disk
 * beside them. Prints and writes target/benchmarks/sales.txt.
 */
@SpringBootTest(properties = "yizhan.data-dir=target/bench-data-sales")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class SalesBenchmark {

    static final int ROWS = 20_000;
    /** A fresh database each run: the imports create their goods anew. */
    static final String DB = "target/bench-db-sales/" + System.currentTimeMillis();

    @org.springframework.test.context.DynamicPropertySource
    static void database(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:durable:./" + DB + "/yizhan" + io.yizhan.station.shared.StationEnvironment.H2_SETTINGS);
    }

    @Autowired
    GoodsImport importer;
    @Autowired
    Goods goods;
    @Autowired
    Sales sales;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy security;

    private static String stats(long[] nanos) {
        Arrays.sort(nanos);
        return String.format("p50 %.2f ms, p99 %.2f ms (n=%d)", nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, nanos.length);
    }

    static String barcode(String run, int i) {
        return Barcodes.withCheckDigit(run + String.format("%08d", i));
    }

    /** 20,000 rows: 10,000 goods on two rows each (two batches in two locations), every one with a barcode. */
    static List<List<String>> rows(String prefix, String run) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            int good = i / 2;
            boolean kg = good % 10 == 0;
            rows.add(List.of(prefix + good, "商品" + prefix + good, "规格" + (good % 7), i % 2 == 0 ? barcode(run, good) : "", kg ? "千克" : "件",
                    kg ? "12.80" : (good % 50 + 1) + ".50", "B" + (i % 2), "2026-11-0" + (1 + i % 9), "180", (i % 2 == 0 ? "A-" : "B-") + (good % 40),
                    kg ? "100.000" : "1000", "10", "", "3.20"));
        }
        return rows;
    }

    static byte[] csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("SKU编码,商品名称,规格,条码,单位,售价(元),批次号,生产日期,保质期(天),货位,数量,预警阈值,店内码,进价(元)\n");
        rows.forEach(r -> out.append(String.join(",", r)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "bench", "1.0");
        Worksheet ws = wb.newWorksheet("商品");
        String[] header = "SKU编码,商品名称,规格,条码,单位,售价(元),批次号,生产日期,保质期(天),货位,数量,预警阈值,店内码,进价(元)".split(",");
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.length; c++) {
                ws.value(r + 1, c, rows.get(r).get(c));
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    private String timed(String what, ThrowingSupplier<GoodsImport.Result> run) throws Exception {
        long cpu = BenchmarkFloor.processCpuNanos();
        long t = System.nanoTime();
        GoodsImport.Result r = run.get();
        double s = (System.nanoTime() - t) / 1e9;
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted()).isEqualTo(ROWS);
        return String.format("%s: %.2f s, process CPU %.2f s (target < 10 s)", what, s, (BenchmarkFloor.processCpuNanos() - cpu) / 1e9);
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    @Test
    void run() throws Exception {
        SignedIn.as(security, "manager", Role.MANAGER);
        AtCounter.bind("counter-1");
        List<String> report = new ArrayList<>();
        report.add(BenchmarkFloor.describe(Path.of(DB)));
        String csvRun = "6910";
        String xlsxRun = "6911";
        String p = "C";
        String q = "X";
        byte[] csv = csv(rows(p, csvRun));
        byte[] xlsx = xlsx(rows(q, xlsxRun));
        report.add(String.format("files: CSV %d KiB, XLSX %d KiB, %d rows each", csv.length / 1024, xlsx.length / 1024, ROWS));
        // warm-up on a small file (its goods stay)
        importer.run(csv(rows("W", "6999").subList(0, 2_000)), true);
        report.add(timed("import CSV, dry run", () -> importer.run(csv, true)));
        report.add(timed("import CSV, stored", () -> importer.run(csv, false)));
        report.add(timed("import XLSX, dry run", () -> importer.run(xlsx, true)));
        report.add(timed("import XLSX, stored", () -> importer.run(xlsx, false)));
        int skus = jdbc.queryForObject("SELECT COUNT(*) FROM inventory_sku", Integer.class);

        // lookups by barcode among all the goods
        for (int i = 0; i < 20_000; i++) {
            goods.read(barcode(csvRun, ThreadLocalRandom.current().nextInt(ROWS / 2)));
        }
        long[] lookups = new long[10_000];
        long cpu = BenchmarkFloor.processCpuNanos();
        for (int i = 0; i < lookups.length; i++) {
            String code = barcode(i % 2 == 0 ? csvRun : xlsxRun, ThreadLocalRandom.current().nextInt(ROWS / 2));
            long t = System.nanoTime();
            goods.read(code);
            lookups[i] = System.nanoTime() - t;
        }
        report.add(String.format("SKU lookup by barcode in the service among %,d SKUs: %s, process CPU %.3f ms per lookup (target p99 < 5 ms)", skus,
                stats(lookups), (BenchmarkFloor.processCpuNanos() - cpu) / 1e6 / lookups.length));

        // 5-line cash sales: stock taken, payment booked to the drawer, receipt job, events, one forced commit
        for (int i = 0; i < 500; i++) {
            sale(p, csvRun);
        }
        long[] took = new long[2_000];
        cpu = BenchmarkFloor.processCpuNanos();
        long forces = DurableStorage.forces();
        for (int i = 0; i < took.length; i++) {
            long t = System.nanoTime();
            sale(p, csvRun);
            took[i] = System.nanoTime() - t;
        }
        report.add(String.format("5-line cash sale in the service (stock, payment, receipt job, events): %s; process CPU %.2f ms and %.2f forced"
                + " writes per sale (target p99 < 30 ms)", stats(took), (BenchmarkFloor.processCpuNanos() - cpu) / 1e6 / took.length,
                (double) (DurableStorage.forces() - forces) / took.length));
        report.add(BenchmarkFloor.describe(Path.of(DB)));
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.write(Path.of("target/benchmarks/sales.txt"), report);
        report.forEach(line -> System.out.println("BENCHMARK " + line));
        AtCounter.unbind();
        SignedIn.out(security);
    }

    private void sale(String prefix, String run) {
        List<SaleRequest.Line> lines = new ArrayList<>();
        for (int l = 0; l < 5; l++) {
            int good = 1 + ThreadLocalRandom.current().nextInt(ROWS / 2 - 1);
            if (good % 10 == 0) {
                good++; // the weighed goods need a weight; the benchmark sells pieces by barcode
            }
            lines.add(new SaleRequest.Line(barcode(run, good), null, 1L));
        }
        Sale sale = sales.sell(new SaleRequest(lines, "CASH", null, null, UUID.randomUUID().toString()), "bench", null).sale();
        assertThat(sale.status()).isEqualTo(SaleStatus.PAID);
    }
}

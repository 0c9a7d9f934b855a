package io.yizhan.station.consignment;

import io.yizhan.station.devices.Scales;
import io.yizhan.station.devices.Weight;
import io.yizhan.station.inventory.StockPart;
import io.yizhan.station.sales.SaleCompleted;
import io.yizhan.station.shared.DurableStorage;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.BenchmarkFloor;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.TestClockConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consignment benchmark, not a test (Surefire does not pick it up by name): run
 * {@code ./mvnw -Pbench test -Dtest=ConsignmentBenchmark}. On the station's H2 file database (commits
 * forced to the disk): intake from the scale's stable weight to the lot stored and its labels,
 * 合格证 and receipt queued (a 1-bag lot and a 5-bag lot); then 200 consignors with 10,000 sale lines
 * attributed by the settlement code, and the time to settle them all — every consignor's statement
 * for the month and balance. Process CPU and forced writes beside each, the forced-write floor of the
 * same disk. Prints and writes target/benchmarks/consignment.txt.
 */
@SpringBootTest(properties = "yizhan.data-dir=target/bench-data-consignment")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ConsignmentBenchmark {

    static final String DB = "target/bench-db-consignment/" + System.currentTimeMillis();

    @org.springframework.test.context.DynamicPropertySource
    static void database(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:durable:./" + DB + "/yizhan" + io.yizhan.station.shared.StationEnvironment.H2_SETTINGS);
    }

    @Autowired
    Consignors consignors;
    @Autowired
    Lots lots;
    @Autowired
    Settlement settlement;
    @Autowired
    Scales scales;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SecurityContextHolderStrategy security;

    private static String stats(long[] nanos) {
        Arrays.sort(nanos);
        return String.format("p50 %.2f ms, p99 %.2f ms (n=%d)", nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6,
                nanos.length);
    }

    private Consignor consignor(int i) {
        String first17 = String.format("3607021980%02d%02d%03d", 1 + i % 12, 1 + (i / 12) % 28, i);
        return consignors.register(new ConsignorDraft("农户" + i, "1360000" + String.format("%04d", i), first17 + IdNumbers.checkCharacter(first17),
                PayoutMethod.CASH, null, null, 5 + i % 15, 15, 7, EndAction.RETURN, null));
    }

    @Test
    void run() throws Exception {
        SignedIn.as(security, "manager", Role.MANAGER);
        AtCounter.bind("counter-1");
        List<String> report = new ArrayList<>();
        report.add(BenchmarkFloor.describe(Path.of(DB)));
        Random random = new Random(7);
        List<Consignor> farmers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            farmers.add(consignor(i));
        }

        scales.setVirtual("counter-scale", 2_500);
        // intake: stable weight read, lot stored with its SKU and stock, labels, 合格证 and receipt queued, one forced commit
        for (int bags : new int[] {1, 5}) {
            for (int i = 0; i < 200; i++) {
                intake(farmers.get(i % farmers.size()), bags, random);
            }
            long[] took = new long[500];
            long cpu = BenchmarkFloor.processCpuNanos();
            long forces = DurableStorage.forces();
            for (int i = 0; i < took.length; i++) {
                scales.setVirtual("counter-scale", 1_000 + random.nextInt(20_000));
                long t = System.nanoTime();
                intake(farmers.get(i % farmers.size()), bags, random);
                took[i] = System.nanoTime() - t;
            }
            report.add(String.format("intake of a %d-bag lot, stable weight → lot stored and its %d label(s), 合格证 and receipt queued: %s; process CPU"
                    + " %.2f ms and %.2f forced writes per lot (target < 200 ms)", bags, bags, stats(took),
                    (BenchmarkFloor.processCpuNanos() - cpu) / 1e6 / took.length, (double) (DurableStorage.forces() - forces) / took.length));
        }

        // 10,000 sale lines over 200 consignors' lots, attributed by the settlement code (10 lines per committed sale)
        List<Lot> lotsOf = new ArrayList<>();
        for (Consignor c : farmers) {
            lotsOf.add(lots.intake(new LotRequest(c.id(), "TOMATO", null, null, List.of(90_000L), null, 600, "本村", null, null)));
        }
        long cpu = BenchmarkFloor.processCpuNanos();
        long start = System.nanoTime();
        for (int sale = 0; sale < 1_000; sale++) {
            List<SaleCompleted.Line> lines = new ArrayList<>();
            List<StockPart> parts = new ArrayList<>();
            for (int l = 0; l < 10; l++) {
                Lot lot = lotsOf.get(random.nextInt(lotsOf.size()));
                long grams = 100 + random.nextInt(3_000);
                lines.add(new SaleCompleted.Line(lot.sku(), grams, lot.unit().amountFen(grams, lot.unitPriceFen())));
                parts.add(new StockPart(lot.sku(), lot.consignorId().toString(), lot.lotNo(), grams));
            }
            UUID saleId = UUID.randomUUID();
            tx.executeWithoutResult(s -> settlement.attribute(saleId, null, Settlement.COUNTER, lines, parts, Instant.now()));
        }
        report.add(String.format("10,000 sale lines attributed to 200 consignors' lots (1,000 sales of 10 lines): %.2f s, process CPU %.2f s",
                (System.nanoTime() - start) / 1e9, (BenchmarkFloor.processCpuNanos() - cpu) / 1e9));

        // settle them all: every consignor's statement for the month and balance, three times, the median reported
        LocalDate today = settlement.today();
        long[] rounds = new long[5];
        long[] cpus = new long[5];
        long lines = 0;
        for (int round = 0; round < rounds.length; round++) {
            long c = BenchmarkFloor.processCpuNanos();
            long t = System.nanoTime();
            lines = 0;
            for (Consignor f : farmers) {
                Statement s = settlement.statement(f.id(), today.withDayOfMonth(1), today);
                lines += s.lines().size();
                settlement.balance(f.id());
            }
            rounds[round] = System.nanoTime() - t;
            cpus[round] = BenchmarkFloor.processCpuNanos() - c;
        }
        Arrays.sort(rounds);
        Arrays.sort(cpus);
        report.add(String.format("settlement of 200 consignors (statement for the month and balance each, %,d sale lines): median %.3f s of %d rounds,"
                + " process CPU %.3f s (target < 2 s)", lines, rounds[rounds.length / 2] / 1e9, rounds.length, cpus[cpus.length / 2] / 1e9));
        report.add(BenchmarkFloor.describe(Path.of(DB)));
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.write(Path.of("target/benchmarks/consignment.txt"), report);
        report.forEach(line -> System.out.println("BENCHMARK " + line));
        AtCounter.unbind();
        SignedIn.out(security);
    }

    private void intake(Consignor farmer, int bags, Random random) {
        List<Long> weights = new ArrayList<>();
        for (int b = 0; b < bags; b++) {
            Weight w = scales.stable("counter-scale").orElseThrow();
            weights.add(w.grams());
        }
        lots.intake(new LotRequest(farmer.id(), "ORANGE-QC", null, null, weights, null, 800 + random.nextInt(400), "江西赣州", null, null));
    }
}

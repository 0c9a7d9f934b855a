package io.yizhan.station.consignment;

import io.yizhan.station.support.BenchmarkFloor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The listing check's speed, not a test (Surefire does not pick it up by name): run
 * {@code ./mvnw -Pbench test -Dtest=ListingCheckBenchmark}. A 2,000-character description checked
 * against 1,000 terms (the shipped ones and generated ones) and the shipped exemptions; p50 and p99
 * of 20,000 checks after 20,000 to warm up, with the process CPU per check. Writes
 * target/benchmarks/listing-check.txt.
 */
class ListingCheckBenchmark {

    @Test
    void run() throws Exception {
        Random random = new Random(11);
        StringBuilder yaml = new StringBuilder("rules:\n  - code: ABSOLUTE_TERM\n    law: 广告法\n    suggestion: 改写\n    terms:\n");
        List<String> terms = new ArrayList<>();
        while (terms.size() < 1_000) {
            StringBuilder t = new StringBuilder();
            int n = 2 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                t.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
            }
            terms.add(t.toString());
        }
        terms.forEach(t -> yaml.append("      - ").append(t).append('\n'));
        yaml.append("exemptions:\n  - 最佳食用期\n  - 特级\n");
        ListingCheck check = new ListingCheck(new ByteArrayInputStream(yaml.toString().getBytes(StandardCharsets.UTF_8)));
        StringBuilder text = new StringBuilder();
        while (text.length() < 2_000) {
            text.append(random.nextInt(40) == 0 ? terms.get(random.nextInt(terms.size())) : String.valueOf((char) (0x4E00 + random.nextInt(3_000))));
        }
        String description = text.substring(0, 2_000);
        for (int i = 0; i < 20_000; i++) {
            check.check("标题", description);
        }
        long[] took = new long[20_000];
        long cpu = BenchmarkFloor.processCpuNanos();
        int hits = 0;
        for (int i = 0; i < took.length; i++) {
            long t = System.nanoTime();
            hits = check.check("标题", description).hits().size();
            took[i] = System.nanoTime() - t;
        }
        double cpuMs = (BenchmarkFloor.processCpuNanos() - cpu) / 1e6 / took.length;
        Arrays.sort(took);
        String line = String.format("listing check, 2,000 characters against 1,000 terms (%d hits): p50 %.3f ms, p99 %.3f ms (n=%d); process CPU"
                + " %.3f ms per check (target < 5 ms); %d cores", hits, took[took.length / 2] / 1e6, took[(int) Math.ceil(took.length * 0.99) - 1] / 1e6,
                took.length, cpuMs, Runtime.getRuntime().availableProcessors());
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/listing-check.txt"), line + "\n");
        System.out.println("BENCHMARK " + line);
    }
}

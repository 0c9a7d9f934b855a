package io.yizhan.station.devices;

import io.yizhan.station.devices.internal.EscPosEncoder;
import io.yizhan.station.devices.internal.PngRenderer;
import io.yizhan.station.devices.internal.TsplEncoder;
import io.yizhan.station.devices.internal.ZplEncoder;
import io.yizhan.station.support.PtyPair;
import io.yizhan.station.support.StationTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * Device benchmark, not a test (Surefire does not pick it up by name): run
 * {@code ./mvnw test -Dtest=DevicesBenchmark}. Prints and writes to target/benchmarks/devices.txt:
 * scan → application event latency over a pty (1,000 scans) and label layout + encode + PNG time.
 */
@StationTest
@Import(DevicesBenchmark.Arrivals.class)
class DevicesBenchmark {

    @TestConfiguration
    static class Arrivals {
        final Map<String, Long> arrived = new ConcurrentHashMap<>();
        volatile CountDownLatch next = new CountDownLatch(1);

        @EventListener
        void on(ScanReceived scan) {
            arrived.put(scan.code(), System.nanoTime());
            next.countDown();
        }

        public Map<String, Long> arrived() {
            return arrived;
        }

        public CountDownLatch reset() {
            next = new CountDownLatch(1);
            return next;
        }
    }

    @Autowired
    Arrivals arrivals;
    @Autowired
    Devices devices;
    @Autowired
    DevicesProperties devicesProperties;

    /** Each test context has its own pty paths, so contexts kept alive side by side never share a port. */
    private Path port(String device) {
        return Path.of(devicesProperties.devices().get(device).port());
    }

    private static String percentiles(long[] nanos) {
        Arrays.sort(nanos);
        double p50 = nanos[nanos.length / 2] / 1e6;
        double p99 = nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6;
        double max = nanos[nanos.length - 1] / 1e6;
        return String.format("p50 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)", p50, p99, max, nanos.length);
    }

    @Test
    void run() throws Exception {
        List<String> report = new ArrayList<>();
        report.add(io.yizhan.station.support.BenchmarkFloor.describe(Path.of("target/benchmarks")));

        // scan → ScanReceived over a real pty, one scan at a time
        try (PtyPair scanner = new PtyPair(port("test-serial-scanner"))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (devices.health("test-serial-scanner").orElseThrow().state() != DeviceState.ONLINE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("scanner not online");
                }
                Thread.sleep(50);
            }
            int warmup = 200;
            int n = 1000;
            long[] latencies = new long[n];
            for (int i = 0; i < warmup + n; i++) {
                String code = String.format("BM%013d", i);
                CountDownLatch latch = arrivals.reset();
                long sent = System.nanoTime();
                scanner.write((code + "\r").getBytes(StandardCharsets.US_ASCII));
                if (!latch.await(2, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("scan " + code + " never arrived");
                }
                if (i >= warmup) {
                    latencies[i - warmup] = arrivals.arrived().get(code) - sent;
                }
            }
            report.add("scan → event over a pty: " + percentiles(latencies));
        }

        // label: layout + encode + PNG render
        PrintDocument label = PrintDocument.builder("shelf-label").center().huge("3-2-0217").qr("3-2-0217 SF1234567890123", 16).build();
        Paper paper = Paper.label(40, 30, 203);
        Charset gb = Charset.forName("GB18030");
        for (String language : List.of("ZPL", "TSPL", "ESC/POS")) {
            int n = 1000;
            long[] times = new long[n];
            long cpu = 0;
            for (int i = 0; i < 300 + n; i++) {
                if (i == 300) {
                    cpu = io.yizhan.station.support.BenchmarkFloor.processCpuNanos();
                }
                long start = System.nanoTime();
                byte[] encoded = switch (language) {
                    case "ZPL" -> new ZplEncoder("").encode(label, paper);
                    case "TSPL" -> new TsplEncoder(gb, 40, 30, 2).encode(label, paper);
                    default -> new EscPosEncoder(gb).encode(label, Paper.receipt(576, 203));
                };
                byte[] png = PngRenderer.png(label, paper);
                long took = System.nanoTime() - start;
                if (encoded.length == 0 || png.length == 0) {
                    throw new IllegalStateException("empty output");
                }
                if (i >= 300) {
                    times[i - 300] = took;
                }
            }
            report.add("shelf label layout + " + language + " + PNG: " + percentiles(times) + String.format("; process CPU %.2f ms per label",
                    (io.yizhan.station.support.BenchmarkFloor.processCpuNanos() - cpu) / 1e6 / n));
        }

        Files.createDirectories(Path.of("target/benchmarks"));
        Files.write(Path.of("target/benchmarks/devices.txt"), report);
        report.forEach(line -> System.out.println("BENCHMARK " + line));
    }
}

package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.yizhan.station.support.BenchmarkFloor;
import io.yizhan.station.support.RequiredTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Assisted buying at scale, on the two jars over loopback: central with a generated 20,000-product
 * catalog (the demo's pictures reused); a fresh station pulls it all with its thumbnails; the kiosk's
 * first shop screen in Chromium; a category page turn in Chromium; placing an order over HTTP. Each
 * beside the forced-write floor of the same disk. Not part of the test command: {@code ./mvnw
 * -Pproduction verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ShoppingBenchmark};
 * writes target/benchmarks/shopping.txt.
 */
class ShoppingBenchmark {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String clerk = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));

    private String get(StationProcess station, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(station.url(path))).header("Authorization", clerk).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static String percentiles(long[] nanos) {
        Arrays.sort(nanos);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)", nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, nanos.length);
    }

    private static long files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).count();
        }
    }

    @Test
    void twentyThousandProducts() throws Exception {
        RequiredTool.require("chromium", "chromium");
        Path work = Files.createTempDirectory(Path.of("target"), "bench-shopping-");
        List<String> out = new ArrayList<>();
        out.add(BenchmarkFloor.describe(work));
        long pictures;
        try (Stream<String> lines = Files.lines(Path.of("src/main/resources/catalog/pictures.txt"))) {
            pictures = lines.filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        }
        try (StationProcess central = StationProcess.central(work.resolve("central"), "--yizhan.central.demo-catalog-size=20000").start()) {
            Path station = work.resolve("station");
            StationProcess s = new StationProcess(station, "--yizhan.sync.central-url=http://127.0.0.1:" + central.port(), "--yizhan.sync.pull-every=1s");
            long launched = System.nanoTime();
            try (s) {
                s.start();
                long up = System.nanoTime();
                long cpu = BenchmarkFloor.processCpuNanos(s.pid());
                Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
                while (!(get(s, "/api/shopping/catalog?size=1").contains("\"total\":20000") && files(station.resolve("data/pictures")) >= pictures)) {
                    assertThat(Instant.now()).as("the catalog synced within 5 minutes").isBefore(deadline);
                    Thread.sleep(100);
                }
                long synced = System.nanoTime();
                out.add(String.format("20,000-product catalog with %d thumbnails (%d files on disk) synced to a fresh station: %.1f s from the station up"
                                + " (%.1f s from its launch), station CPU %.1f s (target < 60 s)", pictures, files(station.resolve("data/pictures")),
                        (synced - up) / 1e9, (synced - launched) / 1e9, (BenchmarkFloor.processCpuNanos(s.pid()) - cpu) / 1e9));

                try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
                    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true).setArgs(BrowserIT.CHROMIUM_FLAGS));
                    Page kiosk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1024)).newPage();
                    String pictured = "() => [...document.querySelectorAll('.shop-picture')].length > 0"
                            + " && [...document.querySelectorAll('.shop-picture')].every(i => i.complete && i.naturalWidth > 0)";
                    long[] first = new long[5];
                    for (int i = 0; i < first.length; i++) {
                        kiosk.navigate(s.url("/kiosk"));
                        kiosk.locator("#tile-shop").waitFor();
                        long t = System.nanoTime();
                        kiosk.locator("#tile-shop").click();
                        kiosk.locator("#shop-category-GRAIN_OIL").waitFor();
                        kiosk.waitForFunction(pictured);
                        first[i] = System.nanoTime() - t;
                    }
                    out.add("kiosk's first shop screen (tap 买东西 → six category tiles with their pictures shown) in Chromium: "
                            + percentiles(first) + " (target < 1 s)");
                    kiosk.locator("#shop-category-GRAIN_OIL").click();
                    kiosk.locator("#shop-back-categories").waitFor();
                    String pages = kiosk.locator("#shop-page").textContent();
                    long[] turns = new long[40];
                    for (int i = 0; i < turns.length; i++) {
                        String before = kiosk.locator("#shop-page").textContent();
                        long t = System.nanoTime();
                        kiosk.locator("#shop-next").click();
                        kiosk.waitForCondition(() -> !kiosk.locator("#shop-page").textContent().equals(before));
                        kiosk.waitForFunction(pictured);
                        turns[i] = System.nanoTime() - t;
                    }
                    out.add("category page turn (下一页 → six new cards with pictures; 粮油, " + pages + ") in Chromium: " + percentiles(turns)
                            + " (target p95 < 300 ms)");
                }

                // placing an order over loopback: central reserves it; a new resident each time, one item
                for (int i = 0; i < 100; i++) {
                    place(s, i);
                }
                long placeCpu = BenchmarkFloor.processCpuNanos(s.pid());
                long[] placing = new long[300];
                for (int i = 0; i < placing.length; i++) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = place(s, 1_000 + i);
                    placing[i] = System.nanoTime() - t;
                    assertThat(r.statusCode()).isEqualTo(201);
                    assertThat(r.body()).contains("\"status\":\"RESERVED\"");
                }
                out.add("placing an order (POST /api/shopping/orders → reserved at central) over loopback, after 100 warm-up: " + percentiles(placing)
                        + String.format(", station CPU %.1f ms per order (target p95 < 200 ms)",
                        (BenchmarkFloor.processCpuNanos(s.pid()) - placeCpu) / 1e6 / placing.length));
            }
        }
        out.add(BenchmarkFloor.describe(work));
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.write(Path.of("target/benchmarks/shopping.txt"), out);
        out.forEach(System.out::println);
    }

    /** An order for one cake of soap (the generated copies of P0054 at ¥3.90: no review rule meets it), a new resident each time. */
    private HttpResponse<String> place(StationProcess s, int i) throws Exception {
        String body = "{\"residentPhone\":\"139" + String.format("%08d", i) + "\",\"lines\":[{\"productId\":\"" + String.format("B%06d", 53 + 400 * (i % 49))
                + "\",\"quantity\":1}],\"delivery\":\"STATION\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}";
        return http.send(HttpRequest.newBuilder(URI.create(s.url("/api/shopping/orders"))).header("Authorization", clerk)
                .header("Content-Type", "application/json").header("X-Terminal", "counter-1").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

package io.yizhan.station.parcels;

import io.yizhan.station.support.TestClockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Parcels benchmark, not a test (Surefire does not pick it up by name): run
 * {@code ./mvnw test -Dtest=ParcelsBenchmark}. On an H2 file database (WRITE_DELAY=0) with
 * 200,000 parcels in history: check-in in the service, check-in over HTTP with Basic from 4
 * clients, lookups by code and by phone tail. Prints and writes target/benchmarks/parcels.txt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/bench-db/yizhan;WRITE_DELAY=0",
        "yizhan.data-dir=target/bench-data"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ParcelsBenchmark {

    static final int HISTORY = 200_000;

    @Autowired
    Parcels parcels;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private static String stats(long[] nanos) {
        Arrays.sort(nanos);
        return String.format("p50 %.2f ms, p99 %.2f ms (n=%d)", nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, nanos.length);
    }

    private void seedHistory() {
        int have = jdbc.queryForObject("SELECT COUNT(*) FROM parcels_parcel", Integer.class);
        List<Object[]> batch = new ArrayList<>();
        Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        for (int i = have; i < HISTORY; i++) {
            String phone = "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
            batch.add(new Object[] {UUID.randomUUID(), String.format("HIST%012d", i), "SF", phone, phone.substring(7), "SMALL",
                    false, 1 + i % 5, 1 + i % 5, "1-1-" + String.format("%04d", i % 10_000), "PICKED_UP", at, "bench", "bench"});
            if (batch.size() == 5_000) {
                insert(batch);
            }
        }
        insert(batch);
    }

    private void insert(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO parcels_parcel (id, waybill, courier, phone, phone_tail, size_class, cold, shelf, layer, pickup_code,
                                            status, checked_in_at, checked_in_by, terminal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
        batch.clear();
    }

    private void clearStore() {
        jdbc.update("UPDATE parcels_parcel SET status = 'PICKED_UP', active_code = NULL, active_waybill = NULL WHERE status = 'IN_STORE'");
        jdbc.update("UPDATE parcels_slot SET used = 0");
    }

    @Test
    void run() throws Exception {
        List<String> report = new ArrayList<>();
        long seedStart = System.nanoTime();
        seedHistory();
        clearStore();
        report.add(String.format("history: %d parcels (seeded in %.1f s)", HISTORY, (System.nanoTime() - seedStart) / 1e9));

        // service check-ins: each validates, takes a slot and a code, queues the label (encode + PNG) and the event
        int n = 2_000;
        long[] took = new long[n];
        List<Parcel> checkedIn = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            checkedIn.add(parcels.checkIn(new CheckIn(String.format("SFB%012d", System.nanoTime() % 1_000_000_000_000L + i),
                    "139" + String.format("%08d", i), null, null, false, null)));
            took[i] = System.nanoTime() - t;
        }
        double perSecond = n / ((System.nanoTime() - start) / 1e9);
        report.add("check-in in the service: " + stats(took) + String.format(", %.0f per second sustained", perSecond));
        clearStore();

        // HTTP API, HTTP Basic, 4 clients
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
        AtomicInteger seq = new AtomicInteger();
        int perClient = 500;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long httpStart = System.nanoTime();
        List<Future<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            clients.add(pool.submit(() -> {
                int ok = 0;
                for (int i = 0; i < perClient; i++) {
                    int k = seq.incrementAndGet();
                    String body = "{\"waybill\":\"JTH" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L + k)
                            + "\",\"phone\":\"137" + String.format("%08d", k) + "\"}";
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/parcels/check-in"))
                            .header("Authorization", auth).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        int created = 0;
        for (Future<Integer> f : clients) {
            created += f.get();
        }
        pool.shutdown();
        double httpPerSecond = created / ((System.nanoTime() - httpStart) / 1e9);
        report.add(String.format("check-in over HTTP, Basic, 4 clients: %d created, %.0f per second", created, httpPerSecond));

        // lookups among 200,000+ parcels
        List<Parcel> inStore = parcels.byStatus(ParcelStatus.IN_STORE, 2_000);
        int m = 10_000;
        long[] byCode = new long[m];
        long[] byTail = new long[m];
        for (int i = 0; i < m; i++) {
            Parcel p = inStore.get(i % inStore.size());
            long t = System.nanoTime();
            parcels.byCode(p.pickupCode());
            byCode[i] = System.nanoTime() - t;
            t = System.nanoTime();
            parcels.byPhoneTail(String.format("%04d", i % 10_000));
            byTail[i] = System.nanoTime() - t;
        }
        report.add("lookup by pickup code: " + stats(byCode));
        report.add("lookup by phone tail: " + stats(byTail));
        clearStore();

        Files.createDirectories(Path.of("target/benchmarks"));
        Files.write(Path.of("target/benchmarks/parcels.txt"), report);
        report.forEach(line -> System.out.println("BENCHMARK " + line));
    }
}

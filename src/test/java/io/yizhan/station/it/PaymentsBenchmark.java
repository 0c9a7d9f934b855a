package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.support.BenchmarkFloor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Money on the real jars over loopback (the station and central as processes, as the README starts
 * them): a payment code paid at once, station → central → station (p50 / p95 / p99, the station's
 * CPU per payment); 200 payments at once from 4 counters, each sent twice (a double tap), none
 * doubled, none lost; reconciliation of a 10,000-trade day; the close of a drawer session with
 * 5,000 cash movements. Each beside the forced-write floor of the same disk. Not part of the test
 * command: {@code ./mvnw -Pproduction verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=PaymentsBenchmark}; writes target/benchmarks/payments.txt.
 */
class PaymentsBenchmark {

    private static final String STATION = "station-bench-pay";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String manager = "Basic " + Base64.getEncoder().encodeToString("manager:manager-demo".getBytes(StandardCharsets.UTF_8));
    private final String operator = "Basic " + Base64.getEncoder().encodeToString("operator:operator-demo".getBytes(StandardCharsets.UTF_8));

    private HttpResponse<String> post(StationProcess station, String path, String terminal, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(station.url(path))).header("Authorization", manager)
                .header("Content-Type", "application/json").header("X-Terminal", terminal)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code() {
        return "13" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L)) + "00";
    }

    private static String codePayment(long fen, String key) {
        return "{\"amountFen\":" + fen + ",\"purpose\":\"bench\",\"method\":\"CODE\",\"authCode\":\"" + code() + "\",\"idempotencyKey\":\"" + key + "\"}";
    }

    private static String cashPayment(long fen) {
        return "{\"amountFen\":" + fen + ",\"purpose\":\"bench\",\"method\":\"CASH\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}";
    }

    private static String percentiles(long[] nanos) {
        Arrays.sort(nanos);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)", nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, nanos.length);
    }

    /** Runs {@code total} requests from {@code threads} threads; each returns its HTTP status. */
    private void parallel(int threads, int total, Request request) throws Exception {
        AtomicInteger left = new AtomicInteger(total);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(Thread.ofPlatform().start(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        request.send(thread);
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        assertThat(failures).isEmpty();
    }

    interface Request {
        void send(int thread) throws Exception;
    }

    @Test
    void payments() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "bench-payments-");
        List<String> out = new ArrayList<>();
        out.add(BenchmarkFloor.describe(work));
        try (StationProcess central = StationProcess.central(work.resolve("central"), "--yizhan.central.stations." + STATION + ".key=" + STATION
                + "-secret-key").start();
             StationProcess station = new StationProcess(work.resolve("station"), "--yizhan.station.id=" + STATION,
                     "--yizhan.sync.station-key=" + STATION + "-secret-key", "--yizhan.sync.central-url=http://127.0.0.1:" + central.port(),
                     "--yizhan.terminals.counter-3.kind=counter", "--yizhan.terminals.counter-4.kind=counter").start()) {
            // 1. one code payment at a time, paid at once
            for (int i = 0; i < 1_000; i++) {
                post(station, "/api/payments", "counter-1", codePayment(1, UUID.randomUUID().toString()));
            }
            long[] took = new long[500];
            long cpu = BenchmarkFloor.processCpuNanos(station.pid());
            long jit = BenchmarkFloor.compilerCpuNanos(station.pid());
            for (int i = 0; i < took.length; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = post(station, "/api/payments", "counter-1", codePayment(2, UUID.randomUUID().toString()));
                took[i] = System.nanoTime() - t;
                assertThat(r.statusCode()).isEqualTo(201);
                assertThat(r.body()).contains("\"SUCCEEDED\"");
            }
            double cpuMs = (BenchmarkFloor.processCpuNanos(station.pid()) - cpu) / 1e6 / took.length;
            double jitMs = (BenchmarkFloor.compilerCpuNanos(station.pid()) - jit) / 1e6 / took.length;
            out.add("code payment paid at once, station → central → station over HTTP (after 1,000 warm-up): " + percentiles(took)
                    + String.format(", station CPU %.2f ms per payment (%.2f ms of it the JIT) (target p95 < 150 ms)", cpuMs, jitMs));

            // 2. 200 payments at once from 4 counters, each sent twice with the same key
            ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
            AtomicInteger n = new AtomicInteger();
            long t0 = System.nanoTime();
            parallel(8, 200, thread -> {
                int k = n.incrementAndGet();
                String key = UUID.randomUUID().toString();
                String body = codePayment(1_000 + k, key);
                String terminal = "counter-" + (k % 4 + 1);
                HttpResponse<String> first = post(station, "/api/payments", terminal, body);
                HttpResponse<String> again = post(station, "/api/payments", terminal, body);
                JsonNode a = json.readTree(first.body());
                JsonNode b = json.readTree(again.body());
                assertThat(b.path("id").asString()).isEqualTo(a.path("id").asString());
                ids.add(a.path("id").asString() + " " + a.path("status").asString());
            });
            double burstMs = (System.nanoTime() - t0) / 1e6;
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            JsonNode trades = json.readTree(http.send(HttpRequest.newBuilder(URI.create(central.url(
                    "/api/central/gateway/transactions?station=" + STATION + "&date=" + today))).header("Authorization", operator).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            Set<Long> amounts = new HashSet<>();
            int burstAtCentral = 0;
            for (JsonNode t : trades) {
                long fen = t.path("amountFen").asLong();
                if (fen > 1_000 && fen <= 1_200) {
                    burstAtCentral++;
                    assertThat(amounts.add(fen)).as("charged once: " + fen).isTrue();
                    assertThat(t.path("status").asString()).isEqualTo("SUCCESS");
                }
            }
            assertThat(ids).hasSize(200).allSatisfy(s -> assertThat(s).endsWith("SUCCEEDED"));
            assertThat(burstAtCentral).isEqualTo(200);
            out.add(String.format("200 payments at once from 4 counters (8 clients), each sent twice: %d succeeded, %d charges at central,"
                    + " none doubled, none lost; %.0f ms in all", ids.size(), burstAtCentral, burstMs));

            // 3. reconciliation of a 10,000-trade day
            parallel(8, 10_000 - 1_700, thread -> post(station, "/api/payments", "counter-" + (thread % 4 + 1), codePayment(3, UUID.randomUUID().toString())));
            long r0 = System.nanoTime();
            HttpResponse<String> recon = post(station, "/api/reconciliation/" + today + "/run", "counter-1", "");
            double reconMs = (System.nanoTime() - r0) / 1e6;
            JsonNode report = json.readTree(recon.body());
            assertThat(recon.statusCode()).isEqualTo(200);
            out.add(String.format("reconciliation of a day with %d matched trades: %.0f ms over HTTP (target < 3 s); differences %s",
                    report.path("matched").asLong(), reconMs, report.path("items").size()));

            // 4. closing a drawer session with 5,000 cash movements
            post(station, "/api/cash-sessions", "counter-2", "{\"floatFen\":50000}");
            parallel(4, 5_000, thread -> post(station, "/api/payments", "counter-2", cashPayment(10)));
            JsonNode current = json.readTree(http.send(HttpRequest.newBuilder(URI.create(station.url("/api/cash-sessions/current")))
                    .header("Authorization", manager).header("X-Terminal", "counter-2").build(), HttpResponse.BodyHandlers.ofString()).body());
            long c0 = System.nanoTime();
            HttpResponse<String> closed = post(station, "/api/cash-sessions/current/close", "counter-2",
                    "{\"countedFen\":" + current.path("expectedCashFen").asLong() + "}");
            double closeMs = (System.nanoTime() - c0) / 1e6;
            assertThat(json.readTree(closed.body()).path("differenceFen").asLong()).isZero();
            out.add(String.format("close of a drawer session with 5,000 cash movements (expected ¥%.2f): %.0f ms over HTTP (target < 1 s)",
                    current.path("expectedCashFen").asLong() / 100.0, closeMs));
        }
        out.add(BenchmarkFloor.describe(work));
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.write(Path.of("target/benchmarks/payments.txt"), out);
        out.forEach(System.out::println);
    }
}

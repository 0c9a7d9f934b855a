package io.yizhan.station.it;

import io.yizhan.station.support.BenchmarkFloor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The station's cost per request, on the real jar started as the README starts it (shipped
 * configuration: demo mode, virtual printers), loaded over loopback by this JVM: check-ins over the
 * HTTP API with HTTP Basic from four clients (per second), the station process's CPU per check-in
 * and per authenticated read (from /proc, so the load generator's CPU is not counted), and forced
 * writes per check-in (from /actuator/info), each beside the floor measured in the same run.
 * Not part of the test command: {@code ./mvnw -Pproduction verify -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StationHttpBenchmark}; writes
 * target/benchmarks/http.txt.
 */
class StationHttpBenchmark {

    private static final Pattern FORCES = Pattern.compile("\"forcedWrites\":(\\d+)");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
    private final AtomicInteger seq = new AtomicInteger();

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private final java.util.Queue<String> inStore = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private int checkIn(StationProcess station) throws Exception {
        int k = seq.incrementAndGet();
        String body = "{\"waybill\":\"JTH" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L + k)
                + "\",\"phone\":\"137" + String.format("%08d", k % 100_000_000) + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/parcels/check-in")))
                .header("Authorization", auth).header("Content-Type", "application/json").header("X-Terminal", "counter-1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ID.matcher(r.body());
        if (r.statusCode() == 201 && m.find()) {
            inStore.add(m.group(1));
        }
        return r.statusCode();
    }

    /** Hands every parcel in store over, as residents collect them: the shelves (2,000 places) never overflow. */
    private void handOver(StationProcess station) throws Exception {
        for (String id = inStore.poll(); id != null; id = inStore.poll()) {
            int status = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/parcels/" + id + "/pickup")))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("pickup of " + id + " answered " + status);
            }
        }
    }

    private int stats(StationProcess station) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(station.url("/api/parcels/stats"))).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long forces(StationProcess station) throws Exception {
        String info = http.send(HttpRequest.newBuilder(URI.create(station.url("/actuator/info"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = FORCES.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no forcedWrites in " + info);
        }
        return Long.parseLong(m.group(1));
    }

    /** Waits until every label queued so far is printed: a check-in's cost includes its label. */
    private void labelsPrinted(StationProcess station) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            String jobs = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/print-jobs"))).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (!jobs.contains("\"QUEUED\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("labels still queued after 300 s");
    }

    /** Check-ins from {@code clients} at once; returns {created, nanos}. */
    private long[] checkIns(StationProcess station, int clients, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<Integer>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                int ok = 0;
                for (int i = 0; i < perClient; i++) {
                    if (checkIn(station) == 201) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        int created = 0;
        for (Future<Integer> f : running) {
            created += f.get();
        }
        pool.shutdown();
        return new long[] {created, System.nanoTime() - start};
    }

    /** "station CPU x ms per op (JIT compiler y ms of it)": all the station's threads, and the compiler's part (it fades as the JIT settles). */
    private static String cpu(long pid, long cpuBefore, long jitBefore, long ops, String op) throws Exception {
        double all = (BenchmarkFloor.processCpuNanos(pid) - cpuBefore) / 1e6 / ops;
        double jit = (BenchmarkFloor.compilerCpuNanos(pid) - jitBefore) / 1e6 / ops;
        return String.format("station CPU %.2f ms per %s (JIT compiler %.2f ms of it; without it %.2f ms)", all, op, jit, all - jit);
    }

    @Test
    void run() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "http-bench-");
        List<String> report = new ArrayList<>();
        try (StationProcess station = new StationProcess(work).start()) {
            report.add(BenchmarkFloor.describe(station.dataDir()));
            long pid = station.pid();
            // warm-up: the JIT compiles the request path before anything is measured
            for (int round = 0; round < 6; round++) {
                checkIns(station, 4, 400);
                handOver(station);
            }
            for (int i = 0; i < 20_000; i++) {
                stats(station);
            }
            labelsPrinted(station);

            long cpu = BenchmarkFloor.processCpuNanos(pid);
            long jit = BenchmarkFloor.compilerCpuNanos(pid);
            long forces = forces(station);
            long[] four = checkIns(station, 4, 400);
            labelsPrinted(station);
            report.add(String.format("check-in over HTTP, Basic, 4 clients: %d created, %.0f per second; %s; %.2f forced writes per check-in",
                    four[0], four[0] / (four[1] / 1e9), cpu(pid, cpu, jit, four[0], "check-in"), (double) (forces(station) - forces) / four[0]));

            handOver(station); // the shelves empty again (not counted)
            Thread.sleep(1_000);
            cpu = BenchmarkFloor.processCpuNanos(pid);
            jit = BenchmarkFloor.compilerCpuNanos(pid);
            forces = forces(station);
            long[] one = checkIns(station, 1, 1_000);
            labelsPrinted(station);
            report.add(String.format("check-in over HTTP, Basic, 1 client: %d created, %.0f per second (%.2f ms each); %s; %.2f forced writes"
                    + " per check-in", one[0], one[0] / (one[1] / 1e9), one[1] / 1e6 / one[0], cpu(pid, cpu, jit, one[0], "check-in"),
                    (double) (forces(station) - forces) / one[0]));

            Thread.sleep(2_000);
            cpu = BenchmarkFloor.processCpuNanos(pid);
            jit = BenchmarkFloor.compilerCpuNanos(pid);
            Thread.sleep(10_000);
            double idlePerMs = (BenchmarkFloor.processCpuNanos(pid) - cpu) / 1e6 / 10_000;
            report.add(String.format("station idle (schedulers, print queue, sync): %.1f ms CPU per second, of which JIT compiler %.1f ms",
                    idlePerMs * 1000, (BenchmarkFloor.compilerCpuNanos(pid) - jit) / 1e6 / 10));

            int reads = 5_000;
            cpu = BenchmarkFloor.processCpuNanos(pid);
            jit = BenchmarkFloor.compilerCpuNanos(pid);
            long start = System.nanoTime();
            for (int i = 0; i < reads; i++) {
                stats(station);
            }
            double wallMs = (System.nanoTime() - start) / 1e6;
            double readCpu = (BenchmarkFloor.processCpuNanos(pid) - cpu) / 1e6;
            report.add(String.format("authenticated read GET /api/parcels/stats (%d parcels in store), 1 client: %.2f ms each; %s (%.3f ms once"
                    + " the idle CPU of the same time is taken out)", inStore.size(), wallMs / reads, cpu(pid, cpu, jit, reads, "read"),
                    (readCpu - idlePerMs * wallMs) / reads));
            report.add(BenchmarkFloor.describe(station.dataDir()) + " (again, after the run)");
        }
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.write(Path.of("target/benchmarks/http.txt"), report);
        report.forEach(line -> System.out.println("BENCHMARK " + line));
    }
}

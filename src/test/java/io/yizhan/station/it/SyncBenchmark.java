package io.yizhan.station.it;

import io.yizhan.station.shared.UuidV7;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sync figures on the real jars over loopback (not part of the test run; see the README):
 * a station drains 10,000 queued events to central, and central ingests from 50 stations at once.
 * Writes {@code target/benchmarks/sync.txt}.
 */
class SyncBenchmark {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> report = new ArrayList<>();

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String url, String auth, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String url, String auth) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.add(text);
    }

    @Test
    void drainAndIngest() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "sync-bench-");
        List<String> centralArgs = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            centralArgs.add("--yizhan.central.stations.bench-" + s + ".key=bench-" + s + "-secret-key");
        }
        StationProcess central = StationProcess.central(work.resolve("central"), centralArgs.toArray(String[]::new));
        try (central; StationProcess station = new StationProcess(work.resolve("station"),
                "--yizhan.sync.central-url=http://127.0.0.1:" + central.port(), "--yizhan.parcels.overflow-capacity=6000").start()) {
            // 5,000 check-ins while central is down: 10,000 events (check-in + text message) queued
            String clerk = basic("clerk", "clerk-demo");
            AtomicLong next = new AtomicLong();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    long i;
                    while ((i = next.getAndIncrement()) < 5000) {
                        try {
                            post(station.url("/api/parcels/check-in"), clerk, "{\"waybill\":\"ZT" + String.format("%013d", 7_000_000_000_000L + i)
                                    + "\",\"phone\":\"13812345678\"}");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
            }
            for (Thread t : clients) {
                t.join();
            }
            long queued = Long.parseLong(get(station.url("/api/sync/status"), clerk).replaceAll(".*\"pending\":(\\d+).*", "$1"));
            if (queued != 10_000) {
                throw new IllegalStateException("expected 10,000 queued events, got " + queued);
            }

            line("%s", io.yizhan.station.support.BenchmarkFloor.describe(station.dataDir()));
            long stationCpu = io.yizhan.station.support.BenchmarkFloor.processCpuNanos(station.pid());
            central.start();
            String operator = basic("operator", "operator-demo");
            String summary = central.url("/api/central/stations/demo-station-001/summary");
            while (get(summary, operator).contains("\"eventsReceived\":0,")) {
                Thread.sleep(20);
            }
            Instant first = Instant.now();
            while (!get(station.url("/api/sync/status"), clerk).contains("\"pending\":0,")) {
                Thread.sleep(20);
            }
            Duration drain = Duration.between(first, Instant.now());
            String counts = get(summary, operator);
            line("drain: %,d events from one station in %.1f s (%.0f events/s, batches of 200); station CPU %.2f ms per event; central: %s",
                    queued, drain.toMillis() / 1000.0, queued / (drain.toMillis() / 1000.0),
                    (io.yizhan.station.support.BenchmarkFloor.processCpuNanos(station.pid()) - stationCpu) / 1e6 / queued, counts);

            ingest(central, "H2 file");
        }
        // the same ingest on PostgreSQL (central's postgres profile, a private Debian server)
        try (io.yizhan.station.support.PostgresServer pg = new io.yizhan.station.support.PostgresServer()) {
            String url = pg.createDatabase("yizhan_central");
            List<String> args = new ArrayList<>(centralArgs);
            args.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url, "--spring.datasource.username=" + pg.user()));
            try (StationProcess onPostgres = StationProcess.central(work.resolve("central-pg"), args.toArray(String[]::new)).start()) {
                ingest(onPostgres, "PostgreSQL");
            }
        }
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.write(Path.of("target/benchmarks/sync.txt"), report);
    }

    /** 50 stations at once, each 10 batches of 200 synthetic ParcelCheckedIn events. */
    private void ingest(StationProcess central, String database) throws Exception {
        String operator = basic("operator", "operator-demo");
            Clock clock = Clock.systemUTC();
            List<Thread> stations = new ArrayList<>();
            Instant start = Instant.now();
            for (int s = 0; s < 50; s++) {
                String id = "bench-" + s;
                stations.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int b = 0; b < 10; b++) {
                            StringBuilder json = new StringBuilder("{\"stationId\":\"" + id + "\",\"events\":[");
                            for (int e = 0; e < 200; e++) {
                                json.append(e == 0 ? "" : ",").append("{\"id\":\"").append(UuidV7.next(clock)).append("\",\"type\":\"ParcelCheckedIn\",")
                                        .append("\"version\":1,\"stationId\":\"").append(id).append("\",\"aggregateId\":\"").append(UuidV7.next(clock))
                                        .append("\",\"sequence\":1,\"occurredAt\":\"").append(Instant.now())
                                        .append("\",\"payload\":{\"waybill\":\"SF1234567890123\",\"courier\":\"SF\"}}");
                            }
                            HttpResponse<String> r = post(central.url("/api/sync/events"), basic(id, id + "-secret-key"), json.append("]}").toString());
                            if (r.statusCode() != 200 || r.body().contains("REJECTED")) {
                                throw new IllegalStateException(r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread t : stations) {
                t.join();
            }
            Duration ingest = Duration.between(start, Instant.now());
            long received = 0;
            for (int s = 0; s < 50; s++) {
                Matcher m = Pattern.compile("\"eventsReceived\":(\\d+)").matcher(get(central.url("/api/central/stations/bench-" + s + "/summary"),
                        operator));
                received += m.find() ? Long.parseLong(m.group(1)) : 0;
            }
            line("ingest: 50 stations × 2,000 events = %d stored in %.1f s: %.0f events/s (%s, one transaction per event)", received,
                    ingest.toMillis() / 1000.0, received / (ingest.toMillis() / 1000.0), database);
    }
}

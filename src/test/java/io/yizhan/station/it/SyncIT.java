package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.support.FaultProxy;
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
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Offline-first sync on real processes over loopback: the station and central jars, a station
 * that checks parcels in while central is down, a station killed with SIGKILL mid-burst, and a link
 * that resets, stalls, truncates and garbles. Every time, central ends up with each event exactly
 * once, and with exactly the station's parcels.
 */
class SyncIT {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern EVENT = Pattern.compile(
            "\\{\"id\":\"([0-9a-f-]{36})\",\"type\":\"(\\w+)\",\"aggregateId\":\"([0-9a-f-]{36})\"");
    private static final AtomicLong WAYBILLS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> call(String method, String url, String auth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void until(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    private static String nextWaybill() {
        return "SF" + String.format("%013d", WAYBILLS.incrementAndGet());
    }

    /** Checks parcels in from {@code clients} threads until {@code count} were acknowledged (or stopped); returns their ids. */
    private List<String> checkIn(StationProcess station, int count, int clients, AtomicBoolean stop) throws InterruptedException {
        return checkIn(station, count, clients, stop, new ConcurrentLinkedQueue<>());
    }

    private List<String> checkIn(StationProcess station, int count, int clients, AtomicBoolean stop,
                                 ConcurrentLinkedQueue<String> ids) throws InterruptedException {
        AtomicLong left = new AtomicLong(count);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (!stop.get() && left.getAndDecrement() > 0) {
                    try {
                        HttpResponse<String> r = call("POST", station.url("/api/parcels/check-in"), basic("clerk", "clerk-demo"),
                                "{\"waybill\":\"" + nextWaybill() + "\",\"phone\":\"13812345678\"}");
                        if (r.statusCode() == 201) {
                            Matcher m = ID.matcher(r.body());
                            m.find();
                            ids.add(m.group(1));
                        }
                    } catch (Exception killed) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return List.copyOf(ids);
    }

    private String status(StationProcess station) {
        try {
            return call("GET", station.url("/api/sync/status"), basic("clerk", "clerk-demo"), null).body();
        } catch (Exception e) {
            return "";
        }
    }

    /** The parcels of every ParcelCheckedIn central holds for the station, page by page; checks no event id comes twice. */
    private List<String> centralAggregates(StationProcess central, String stationId) throws Exception {
        List<String> aggregates = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String after = null;
        while (true) {
            String page = call("GET", central.url("/api/central/stations/" + stationId + "/events?limit=500"
                    + (after == null ? "" : "&after=" + after)), basic("operator", "operator-demo"), null).body();
            Matcher event = EVENT.matcher(page);
            int n = 0;
            while (event.find()) {
                assertThat(ids.add(event.group(1))).as("event " + event.group(1) + " listed once").isTrue();
                if (event.group(2).equals("ParcelCheckedIn")) {
                    aggregates.add(event.group(3));
                }
                after = event.group(1);
                n++;
            }
            if (n == 0) {
                return aggregates;
            }
        }
    }

    private static String[] stationArgs(String stationId, int centralPort, String... more) {
        List<String> args = new ArrayList<>(List.of("--yizhan.station.id=" + stationId, "--yizhan.sync.station-key=" + stationId + "-secret-key",
                "--yizhan.sync.central-url=http://127.0.0.1:" + centralPort));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String centralStation(String stationId) {
        return "--yizhan.central.stations." + stationId + ".key=" + stationId + "-secret-key";
    }

    @Test
    void centralDownWhileAThousandParcelsAreCheckedInThenEveryEventArrivesOnce() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "sync-down-");
        String stationId = "station-down-1";
        StationProcess central = StationProcess.central(work.resolve("central"), centralStation(stationId));
        try (StationProcess station = new StationProcess(work.resolve("station"), stationArgs(stationId, central.port())).start();
             central) {
            List<String> parcels = checkIn(station, 1000, 4, new AtomicBoolean());
            assertThat(parcels).hasSize(1000);
            assertThat(status(station)).contains("\"online\":false", "\"pending\":2000");

            central.start();
            Instant up = Instant.now();
            until(Duration.ofSeconds(90), () -> status(station).contains("\"pending\":0,"), "the station's queue drained");
            System.out.printf("SyncIT: 2,000 events delivered %d ms after central came up%n", Duration.between(up, Instant.now()).toMillis());
            assertThat(status(station)).contains("\"online\":true", "\"quarantined\":0");
            List<String> atCentral = centralAggregates(central, stationId);
            assertThat(atCentral).hasSize(1000).containsExactlyInAnyOrderElementsOf(parcels);
            assertThat(call("GET", central.url("/api/central/stations/" + stationId + "/summary"), basic("operator", "operator-demo"), null)
                    .body()).as("each check-in and its text message").contains("\"eventsReceived\":2000");
        }
    }

    @Test
    void killMinus9MidBurstLosesNoAcknowledgedCheckInAndDoublesNothing() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "sync-kill9-");
        String stationId = "station-kill9-1";
        try (StationProcess central = StationProcess.central(work.resolve("central"), centralStation(stationId)).start()) {
            List<String> acknowledged;
            try (StationProcess station = new StationProcess(work.resolve("station"), stationArgs(stationId, central.port())).start()) {
                AtomicBoolean stop = new AtomicBoolean();
                ConcurrentLinkedQueue<String> sofar = new ConcurrentLinkedQueue<>();
                Thread killer = Thread.ofPlatform().start(() -> {
                    try {
                        // killed mid-burst once 50 check-ins are acknowledged, however fast the machine is
                        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                        while (sofar.size() < 50 && System.nanoTime() < deadline) {
                            Thread.sleep(20);
                        }
                        station.killHard();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                acknowledged = checkIn(station, 100_000, 3, stop, sofar);
                killer.join();
            }
            assertThat(acknowledged).as("check-ins acknowledged before the kill (within 120 s)").hasSizeGreaterThanOrEqualTo(50);
            try (StationProcess again = new StationProcess(work.resolve("station"), stationArgs(stationId, central.port())).start()) {
                until(Duration.ofSeconds(90), () -> status(again).contains("\"pending\":0,"), "the queue drained after the restart");
                List<String> atCentral = centralAggregates(central, stationId);
                assertThat(new HashSet<>(atCentral)).as("every acknowledged check-in reached central").containsAll(acknowledged);
                assertThat(atCentral).as("none twice").doesNotHaveDuplicates();
                String stats = call("GET", again.url("/api/parcels/stats"), basic("clerk", "clerk-demo"), null).body();
                Matcher inStore = Pattern.compile("\"IN_STORE\":(\\d+)").matcher(stats);
                assertThat(inStore.find()).isTrue();
                assertThat(atCentral).as("central has exactly the station's parcels").hasSize(Integer.parseInt(inStore.group(1)));
            }
        }
    }

    @Test
    void resetsStallsTruncatedAndGarbledAnswersStillDeliverExactlyOnce() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "sync-faults-");
        String stationId = "station-faults-1";
        try (StationProcess central = StationProcess.central(work.resolve("central"), centralStation(stationId)).start();
             FaultProxy proxy = new FaultProxy(central.port(), 0.5, 42);
             StationProcess station = new StationProcess(work.resolve("station"), stationArgs(stationId, proxy.port(),
                     "--yizhan.sync.batch-size=20")).start()) {
            List<String> parcels = checkIn(station, 300, 2, new AtomicBoolean());
            assertThat(parcels).hasSize(300);
            until(Duration.ofSeconds(120), () -> status(station).contains("\"pending\":0,"), "delivered through the faulty link");
            List<String> atCentral = centralAggregates(central, stationId);
            assertThat(atCentral).hasSize(300).containsExactlyInAnyOrderElementsOf(parcels);
            for (FaultProxy.Fate fate : FaultProxy.Fate.values()) {
                assertThat(proxy.count(fate)).as(fate + " happened").isPositive();
            }
            System.out.printf("SyncIT faults: %s%n", java.util.Arrays.stream(FaultProxy.Fate.values()).map(f -> f + "=" + proxy.count(f)).toList());
        }
    }

    @Test
    void idempotencyKeysAndStationKeysAreEnforced() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "sync-keys-");
        try (StationProcess central = StationProcess.central(work, centralStation("station-keys-1"), centralStation("station-keys-2")).start()) {
            String events = central.url("/api/sync/events");
            String me = basic("station-keys-1", "station-keys-1-secret-key");
            String event = """
                    {"stationId":"station-keys-1","events":[{"id":"01a20000-0000-7000-8000-000000000001","type":"ParcelCheckedIn",
                     "version":1,"stationId":"station-keys-1","aggregateId":"01a20000-0000-7000-8000-0000000000aa","sequence":1,
                     "occurredAt":"2026-11-22T08:00:00Z","payload":{"waybill":"SF1234567890123"}}]}""";
            HttpResponse<String> first = call("POST", events, me, event);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("\"status\":\"ACCEPTED\"");
            HttpResponse<String> again = call("POST", events, me, event);
            assertThat(again.body()).as("same key, same body: the first answer replayed, one effect")
                    .contains("\"status\":\"ACCEPTED\"", "\"replayed\":true");
            HttpResponse<String> changed = call("POST", events, me, event.replace("SF1234567890123", "SF9999999999999"));
            assertThat(changed.body()).as("same key, other body").contains("\"status\":\"REJECTED\"", "different body");
            assertThat(call("GET", central.url("/api/central/stations/station-keys-1/summary"), basic("operator", "operator-demo"), null).body())
                    .contains("\"eventsReceived\":1", "\"duplicatesIgnored\":1");

            assertThat(call("POST", events, basic("station-keys-1", "wrong-key"), event).statusCode()).isEqualTo(401);
            assertThat(call("POST", events, basic("station-keys-2", "station-keys-2-secret-key"), event).statusCode())
                    .as("another station's data").isEqualTo(403);
            assertThat(call("GET", central.url("/api/central/stations/station-keys-1/summary"), me, null).statusCode())
                    .as("a station is not an operator").isEqualTo(403);
            assertThat(call("GET", central.url("/api/central/stations/station-keys-1/summary"), basic("operator", "nope"), null).statusCode())
                    .isEqualTo(401);
        }
    }
}

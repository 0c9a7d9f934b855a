package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.support.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Central's postgres profile on a real PostgreSQL server (Debian's, started privately on loopback):
 * migrations run, a station delivers its parcels, a replayed event is a duplicate, and the data is
 * still there after central restarts.
 */
class CentralPostgresIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private String get(String url, String user, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(String url, String user, String secret, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void centralRunsOnPostgresAndAStationSyncsToIt() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "central-pg-");
        try (PostgresServer pg = new PostgresServer()) {
            String url = pg.createDatabase("yizhan_central");
            String[] centralArgs = {"--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + pg.user()};
            StationProcess central = StationProcess.central(work.resolve("central"), centralArgs);
            try (central; StationProcess station = new StationProcess(work.resolve("station"),
                    "--yizhan.sync.central-url=http://127.0.0.1:" + central.port()).start()) {
                central.start();
                for (int i = 0; i < 20; i++) {
                    HttpResponse<String> r = post(station.url("/api/parcels/check-in"), "clerk", "clerk-demo",
                            "{\"waybill\":\"JT" + String.format("%013d", 5_000_000_000L + i) + "\",\"phone\":\"13812345678\"}");
                    assertThat(r.statusCode()).isEqualTo(201);
                }
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (!get(station.url("/api/sync/status"), "clerk", "clerk-demo").contains("\"pending\":0,")) {
                    assertThat(Instant.now()).as("delivered to central on PostgreSQL").isBefore(deadline);
                    Thread.sleep(200);
                }
                String summary = get(central.url("/api/central/stations/demo-station-001/summary"), "operator", "operator-demo");
                assertThat(summary).as("20 check-ins and their 20 text messages").contains("\"eventsReceived\":40");

                String event = """
                        {"stationId":"demo-station-001","events":[{"id":"01a20000-0000-7000-8000-0000000000f1","type":"ParcelPickedUp",
                         "version":1,"stationId":"demo-station-001","aggregateId":"01a20000-0000-7000-8000-0000000000f2","sequence":1,
                         "occurredAt":"2026-11-22T08:00:00Z","payload":{"proxy":false}}]}""";
                assertThat(post(central.url("/api/sync/events"), "demo-station-001", "demo-station-key", event).body()).contains("ACCEPTED", "\"replayed\":false");
                assertThat(post(central.url("/api/sync/events"), "demo-station-001", "demo-station-key", event).body()).contains("ACCEPTED", "\"replayed\":true");
                assertThat(post(central.url("/api/sync/events"), "demo-station-001", "demo-station-key", event.replace("false", "true"))
                        .body()).contains("REJECTED");
            }
            try (StationProcess again = StationProcess.central(work.resolve("central"), centralArgs).start()) {
                assertThat(get(again.url("/api/central/stations/demo-station-001/summary"), "operator", "operator-demo"))
                        .contains("\"eventsReceived\":41", "\"duplicatesIgnored\":1");
            }
        }
    }
}

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

                // a station's listing on PostgreSQL: stored with its event, listed, ordered by the sandbox buyer, shipped
                String listing = "01a20000-0000-7000-8000-0000000000a1";
                String listed = """
                        {"stationId":"demo-station-001","events":[{"id":"01a20000-0000-7000-8000-0000000000a2","type":"LotListed","version":1,
                         "stationId":"demo-station-001","aggregateId":"%s","sequence":1,"occurredAt":"2026-11-28T08:00:00Z",
                         "payload":{"listingId":"%s","lotId":"01a20000-0000-7000-8000-0000000000a3","lotNo":"L261128-001","productCode":"ORANGE-QC",
                         "productName":"脐橙","grade":"一级","unit":"KG","title":"赣南脐橙 一级","description":"现摘现发","priceFen":900,
                         "quantity":10000,"origin":"江西赣州","harvestedOn":"2026-11-27","thumbnailJpegBase64":null}}]}""".formatted(listing, listing);
                assertThat(post(again.url("/api/sync/events"), "demo-station-001", "demo-station-key", listed).body()).contains("ACCEPTED");
                assertThat(get(again.url("/api/central/listings?status=PENDING"), "operator", "operator-demo")).contains(listing);
                assertThat(post(again.url("/api/central/listings/" + listing + "/review"), "operator", "operator-demo", "{\"approved\":true}")
                        .statusCode()).isEqualTo(200);
                HttpResponse<String> ordered = post(again.url("/api/central/listings/" + listing + "/orders"), "operator", "operator-demo",
                        "{\"quantity\":2000}");
                assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(201);
                assertThat(ordered.body()).contains("\"amountFen\":1800");
                String orderId = ordered.body().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");
                String shipped = """
                        {"stationId":"demo-station-001","events":[{"id":"01a20000-0000-7000-8000-0000000000a4","type":"OnlineOrderShipped","version":1,
                         "stationId":"demo-station-001","aggregateId":"%s","sequence":1,"occurredAt":"2026-11-28T09:00:00Z",
                         "payload":{"orderId":"%s","waybill":"YZ2611280000001","courier":"SF","sendingCostFen":1500}}]}""".formatted(orderId, orderId);
                assertThat(post(again.url("/api/sync/events"), "demo-station-001", "demo-station-key", shipped).body()).contains("ACCEPTED");
                assertThat(get(again.url("/api/central/online-orders"), "operator", "operator-demo")).contains("\"status\":\"SHIPPED\"",
                        "YZ2611280000001").doesNotContain("13800138000");
                assertThat(get(again.url("/api/central/listings"), "operator", "operator-demo")).contains("\"status\":\"LISTED\"");

                // the demo catalog, loaded on PostgreSQL, and a picture a station caches
                assertThat(get(again.url("/api/central/products/P0001"), "operator", "operator-demo")).contains("\"stock\":120", "\"reserved\":0");
                HttpResponse<byte[]> picture = http.send(HttpRequest.newBuilder(URI.create(again.url("/api/sync/pictures/1f35a.png"))).header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("demo-station-001:demo-station-key".getBytes(StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(picture.statusCode()).isEqualTo(200);
                assertThat(picture.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

                // assisted buying on PostgreSQL: the catalog feed, an order reserved, paid, shipped, and a return approved at the station
                assertThat(get(again.url("/api/sync/feeds/catalog?after=0&limit=20"), "demo-station-001", "demo-station-key"))
                        .contains("\"key\":\"category:GRAIN_OIL\"", "\"pictureHash\":\"");
                String place = "{\"orderNo\":\"demo-station-001-2611280901\",\"lines\":[{\"productId\":\"P0001\",\"quantity\":2,\"priceFen\":3990}],"
                        + "\"review\":false}";
                HttpResponse<String> reserved = post(again.url("/api/sync/shop/orders"), "demo-station-001", "demo-station-key", place);
                assertThat(reserved.body()).contains("\"status\":\"RESERVED\"", "\"totalFen\":7182", "粮油九折");
                assertThat(post(again.url("/api/sync/shop/orders"), "demo-station-001", "demo-station-key", place).body())
                        .as("the same number again").contains("\"status\":\"RESERVED\"");
                assertThat(get(again.url("/api/central/products/P0001"), "operator", "operator-demo")).contains("\"reserved\":2");
                assertThat(post(again.url("/api/sync/shop/orders/demo-station-001-2611280901/paid"), "demo-station-001", "demo-station-key",
                        "{\"paymentRef\":\"pg-pay-1\",\"amountFen\":7182}").body()).contains("\"status\":\"PAID\"");
                assertThat(post(again.url("/api/central/orders/demo-station-001-2611280901/ship"), "operator", "operator-demo",
                        "{\"courier\":\"SF\",\"waybill\":\"SF2611280000901\"}").statusCode()).isEqualTo(200);
                assertThat(post(again.url("/api/central/orders/demo-station-001-2611280901/ship"), "operator", "operator-demo",
                        "{\"courier\":\"SF\",\"waybill\":\"SF2611280000901\"}").statusCode()).isEqualTo(409);
                assertThat(get(again.url("/api/central/products/P0001"), "operator", "operator-demo")).contains("\"stock\":118", "\"reserved\":0");
                String returned = """
                        {"stationId":"demo-station-001","events":[{"id":"01a20000-0000-7000-8000-0000000000b1","type":"AfterSalesRequested","version":1,
                         "stationId":"demo-station-001","aggregateId":"01a20000-0000-7000-8000-0000000000b2","sequence":1,"occurredAt":"2026-11-28T10:00:00Z",
                         "payload":{"orderNo":"demo-station-001-2611280901","afterSalesId":"01a20000-0000-7000-8000-0000000000b3","type":"RETURN",
                         "reason":"NO_REASON","amountFen":3591,"status":"APPROVED","lines":[{"productId":"P0001","quantity":1}]}}]}""";
                assertThat(post(again.url("/api/sync/events"), "demo-station-001", "demo-station-key", returned).body()).contains("ACCEPTED");
                assertThat(get(again.url("/api/central/products/P0001"), "operator", "operator-demo")).as("the returned bag back in stock")
                        .contains("\"stock\":119");
            }
        }
    }
}

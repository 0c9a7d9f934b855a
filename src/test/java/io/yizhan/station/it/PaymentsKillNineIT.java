package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payments on real processes: the station is killed with SIGKILL while a {@code 01} payment (the
 * resident is typing the password), a {@code 02} one (never confirmed) and a {@code 05} one (the
 * station is still waiting for central's held answer) are under way. After the restart each ends in
 * a final state that matches central's transaction list: one charge or none, never two.
 */
class PaymentsKillNineIT {

    private static final String STATION = "station-pay-1";
    private static final String CLERK = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString("operator:operator-demo".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode call(String method, String url, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("X-Terminal", "counter-1")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        String text = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        return text.isEmpty() ? json.createObjectNode() : json.readTree(text);
    }

    private static String code(String ending) {
        return "13" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L)) + ending;
    }

    private static String pay(long fen, String code) {
        return pay(fen, code, UUID.randomUUID().toString());
    }

    private static String pay(long fen, String code, String key) {
        return "{\"amountFen\":" + fen + ",\"purpose\":\"kill -9\",\"method\":\"CODE\",\"authCode\":\"" + code + "\",\"idempotencyKey\":\""
                + key + "\"}";
    }

    /** Central's trades of the day for the station, by amount (each payment here has its own amount). */
    private Map<Long, String> atCentral(StationProcess central) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<Long, String> byAmount = new HashMap<>();
        for (JsonNode t : call("GET", central.url("/api/central/gateway/transactions?station=" + STATION + "&date=" + today), OPERATOR, null)) {
            assertThat(byAmount.put(t.path("amountFen").asLong(), t.path("status").asString())).as("one trade per payment").isNull();
        }
        return byAmount;
    }

    @Test
    void paymentsUnderWayWhenTheStationDiesEndInOneChargeOrNone() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "payments-kill-");
        String[] stationArgs = {"--yizhan.station.id=" + STATION, "--yizhan.sync.station-key=" + STATION + "-secret-key",
                "--yizhan.payments.user-paying-limit=12s", "--yizhan.payments.query-interval=1s", "--yizhan.payments.call-timeout=10s"};
        try (StationProcess central = StationProcess.central(work.resolve("central"), "--yizhan.central.stations." + STATION + ".key=" + STATION
                + "-secret-key", "--yizhan.central.gateway.sandbox.confirm-after=4s", "--yizhan.central.gateway.sandbox.close-after=60s",
                "--yizhan.central.gateway.sandbox.hold-answer=25s").start()) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(stationArgs),
                    java.util.stream.Stream.of("--yizhan.sync.central-url=http://127.0.0.1:" + central.port())).toArray(String[]::new);
            try (StationProcess station = new StationProcess(work.resolve("station"), args).start()) {
            JsonNode typing = call("POST", station.url("/api/payments"), CLERK, pay(101, code("01")));
            JsonNode never = call("POST", station.url("/api/payments"), CLERK, pay(102, code("02")));
            assertThat(typing.path("status").asString()).isEqualTo("PENDING");
            assertThat(never.path("status").asString()).isEqualTo("PENDING");
            // a pay call still waiting for central's held answer when the station dies
            String heldBody = pay(105, code("05"), UUID.randomUUID().toString());
            Thread held = Thread.ofPlatform().start(() -> {
                try {
                    call("POST", station.url("/api/payments"), CLERK, heldBody);
                } catch (Exception killed) {
                    // the station died under it
                }
            });
            Instant deadline = Instant.now().plusSeconds(60);
            while (!atCentral(central).containsKey(105L) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(atCentral(central)).as("central has taken the held payment").containsKey(105L);
            station.killHard();
            held.join(30_000);

            try (StationProcess again = new StationProcess(work.resolve("station"), args).start()) {
                Map<String, String> ended = new HashMap<>();
                Instant limit = Instant.now().plusSeconds(120);
                for (String id : new String[] {typing.path("id").asString(), never.path("id").asString()}) {
                    String status;
                    do {
                        Thread.sleep(500);
                        status = call("GET", again.url("/api/payments/" + id), CLERK, null).path("status").asString();
                    } while (status.equals("PENDING") && Instant.now().isBefore(limit));
                    ended.put(id, status);
                }
                // the clerk taps 付款 again with the same request: the same payment comes back, settled by query, not charged again
                String heldStatus;
                do {
                    Thread.sleep(500);
                    heldStatus = call("POST", again.url("/api/payments"), CLERK, heldBody).path("status").asString();
                } while (heldStatus.equals("PENDING") && Instant.now().isBefore(limit));
                Map<Long, String> central2 = atCentral(central);
                assertThat(ended.get(typing.path("id").asString())).as("the resident confirmed: paid once").isEqualTo("SUCCEEDED");
                assertThat(central2.get(101L)).isEqualTo("SUCCESS");
                assertThat(ended.get(never.path("id").asString())).as("never confirmed: reversed, nothing charged").isEqualTo("REVOKED");
                assertThat(central2.get(102L)).isIn("REVOKED", "CLOSED");
                assertThat(heldStatus).as("the payment whose answer was held: found paid by query").isEqualTo("SUCCEEDED");
                assertThat(central2.get(105L)).as("and charged once").isEqualTo("SUCCESS");
            }
            }
        }
    }
}

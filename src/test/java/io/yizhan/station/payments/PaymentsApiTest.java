package io.yizhan.station.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.support.TestClockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The payments and cash-session API contract over real HTTP with HTTP Basic; the counter named in X-Terminal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class PaymentsApiTest {

    private static final String CLERK = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, String body, String terminal) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", CLERK)
                .header("Content-Type", "application/json");
        if (terminal != null) {
            b.header("X-Terminal", terminal);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body()));
    }

    private static String cash(long amount, Long tendered, String key) {
        return "{\"amountFen\":" + amount + ",\"purpose\":\"API 测试\",\"method\":\"CASH\"" + (tendered == null ? "" : ",\"tenderedFen\":" + tendered)
                + ",\"idempotencyKey\":\"" + key + "\"}";
    }

    @Test
    void cashWithChangeTheSameKeyAgainAndRefusals() throws Exception {
        String key = UUID.randomUUID().toString();
        Answer paid = call("POST", "/api/payments", cash(1_250, 2_000L, key), "counter-1");
        assertThat(paid.status()).isEqualTo(201);
        assertThat(paid.body().path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(paid.body().path("method").asString()).isEqualTo("CASH");
        assertThat(paid.body().path("channel").asString()).isEqualTo("CASH");
        assertThat(paid.body().path("changeFen").asLong()).isEqualTo(750);
        assertThat(paid.body().path("refundedFen").asLong()).isZero();
        String id = paid.body().path("id").asString();

        Answer again = call("POST", "/api/payments", cash(1_250, 2_000L, key), "counter-1");
        assertThat(again.status()).as("a double tap").isEqualTo(200);
        assertThat(again.body().path("id").asString()).isEqualTo(id);
        Answer other = call("POST", "/api/payments", cash(1_300, 2_000L, key), "counter-1");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.body().path("message").asString()).isNotBlank();

        assertThat(call("GET", "/api/payments/" + id, null, null).body().path("amountFen").asLong()).isEqualTo(1_250);
        assertThat(call("GET", "/api/payments/" + UUID.randomUUID(), null, null).status()).isEqualTo(404);

        Answer low = call("POST", "/api/payments", cash(1_250, 1_000L, UUID.randomUUID().toString()), "counter-1");
        assertThat(low.status()).isEqualTo(400);
        assertThat(low.body().path("code").asString()).isEqualTo("TENDERED_TOO_LOW");
        Answer nowhere = call("POST", "/api/payments", cash(100, null, UUID.randomUUID().toString()), null);
        assertThat(nowhere.body().path("code").asString()).isEqualTo("TERMINAL_REQUIRED");
        assertThat(nowhere.status()).isEqualTo(400);
        Answer badCode = call("POST", "/api/payments", "{\"amountFen\":100,\"purpose\":\"x\",\"method\":\"CODE\",\"authCode\":\"12345\","
                + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}", "counter-1");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.body().path("code").asString()).isEqualTo("BAD_AUTH_CODE");
        Answer negative = call("POST", "/api/payments", cash(-5, null, UUID.randomUUID().toString()), "counter-1");
        assertThat(negative.body().path("code").asString()).isEqualTo("BAD_AMOUNT");
        assertThat(call("POST", "/api/payments", "{not json", "counter-1").status()).isEqualTo(400);
        HttpResponse<String> en = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/payments"))
                .header("Authorization", CLERK).header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(cash(100, null, UUID.randomUUID().toString()))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(en.body()).as("the message in the caller's language").contains("counter terminal");
    }

    @Test
    void aCounterOpensCountsAndClosesItsDrawer() throws Exception {
        Answer before = call("GET", "/api/cash-sessions/current", null, "counter-2");
        if (before.status() == 200) {
            call("POST", "/api/cash-sessions/current/close", "{\"countedFen\":" + before.body().path("expectedCashFen").asLong() + "}", "counter-2");
        }
        assertThat(call("GET", "/api/cash-sessions/current", null, "counter-2").status()).isEqualTo(404);
        Answer opened = call("POST", "/api/cash-sessions", "{\"floatFen\":10000}", "counter-2");
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.body().path("terminal").asString()).isEqualTo("counter-2");
        assertThat(opened.body().path("expectedCashFen").asLong()).isEqualTo(10_000);
        assertThat(call("POST", "/api/cash-sessions", "{\"floatFen\":10000}", "counter-2").body().path("code").asString()).isEqualTo("SESSION_OPEN");

        call("POST", "/api/payments", cash(2_000, null, UUID.randomUUID().toString()), "counter-2");
        assertThat(call("GET", "/api/cash-sessions/current", null, "counter-2").body().path("expectedCashFen").asLong()).isEqualTo(12_000);

        Answer mismatch = call("POST", "/api/cash-sessions/current/close", "{\"countedFen\":12000,\"counts\":{\"10000\":1,\"1000\":1}}", "counter-2");
        assertThat(mismatch.body().path("code").asString()).isEqualTo("COUNTS_MISMATCH");
        Answer noNote = call("POST", "/api/cash-sessions/current/close", "{\"countedFen\":11900}", "counter-2");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body().path("code").asString()).isEqualTo("NOTE_REQUIRED");
        Answer closed = call("POST", "/api/cash-sessions/current/close",
                "{\"countedFen\":11900,\"counts\":{\"10000\":1,\"1000\":1,\"500\":1,\"100\":4},\"note\":\"少一元\"}", "counter-2");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().path("expectedCashFen").asLong()).isEqualTo(12_000);
        assertThat(closed.body().path("countedFen").asLong()).isEqualTo(11_900);
        assertThat(closed.body().path("differenceFen").asLong()).isEqualTo(-100);
        assertThat(call("GET", "/api/cash-sessions/current", null, "counter-2").status()).isEqualTo(404);
    }
}

package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.support.TestClockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The parcels API contract over real HTTP with HTTP Basic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ParcelsApiTest {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, json, "counter-1");
    }

    /** As a program at {@code terminal} (named in X-Terminal), or at none when it is null. */
    private HttpResponse<String> send(String method, String path, String json, String terminal) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", AUTH)
                .header("Content-Type", "application/json");
        if (terminal != null) {
            b = b.header("X-Terminal", terminal);
        }
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void checkInLookupPickupAndStats() throws Exception {
        String waybill = "SF" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        HttpResponse<String> created = send("POST", "/api/parcels/check-in",
                "{\"waybill\":\"" + waybill.toLowerCase() + "\",\"phone\":\"13812345678\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"waybill\":\"" + waybill + "\"", "\"courier\":\"SF\"", "\"status\":\"IN_STORE\"",
                "\"phone\":\"138****5678\"").doesNotContain("13812345678");
        String id = field(created.body(), "id");
        String code = field(created.body(), "pickupCode");
        assertThat(code).matches("\\d-\\d-\\d{4}");
        assertThat(field(created.body(), "shelf")).isNotNull();
        assertThat(field(created.body(), "layer")).isNotNull();

        HttpResponse<String> duplicate = send("POST", "/api/parcels/check-in", "{\"waybill\":\"" + waybill + "\",\"phone\":\"13812345678\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("\"code\":\"DUPLICATE_WAYBILL\"").contains("已经在站里");
        assertThat(send("POST", "/api/parcels/check-in", "{\"waybill\":\"SF1\",\"phone\":\"13812345678\"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/parcels/check-in", "{\"waybill\":\"SF1234567890\",\"phone\":\"12\"}").body()).contains("BAD_PHONE");
        assertThat(send("POST", "/api/parcels/check-in", "{not json").statusCode()).isEqualTo(400);

        assertThat(send("GET", "/api/parcels?code=" + code.replace("-", ""), null).body()).contains(id);
        assertThat(send("GET", "/api/parcels?phoneTail=5678", null).body()).contains(id).doesNotContain("13812345678");
        assertThat(send("GET", "/api/parcels?waybill=" + waybill, null).body()).contains(id);
        assertThat(send("GET", "/api/parcels?status=IN_STORE", null).body()).contains(id);

        HttpResponse<String> picked = send("POST", "/api/parcels/" + id + "/pickup", "{\"proxyName\":\"李大爷\",\"proxyPhone\":\"13900001111\"}");
        assertThat(picked.statusCode()).isEqualTo(200);
        assertThat(picked.body()).contains("\"status\":\"PICKED_UP\"");
        HttpResponse<String> again = send("POST", "/api/parcels/" + id + "/pickup", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"code\":\"ALREADY_OUT\"").contains("取走了");

        assertThat(send("GET", "/api/parcels/stats", null).body()).contains("\"IN_STORE\":", "\"PICKED_UP\":", "\"RETURNED\":",
                "\"AWAITING_COLLECTION\":", "\"COLLECTED\":");
    }

    @Test
    void sendCollectAndListSentParcels() throws Exception {
        String body = """
                {"courier":"sf","senderName":"李大爷","senderPhone":"13812345678","recipientName":"李小明",
                 "recipientPhone":"13900001111","province":"XJ","address":"乌鲁木齐市天山区解放北路 12 号","grams":2300}""";
        HttpResponse<String> nowhere = send("POST", "/api/parcels/send", body, null);
        assertThat(nowhere.statusCode()).as("cash needs a counter's drawer").isEqualTo(400);
        assertThat(nowhere.body()).contains("TERMINAL_REQUIRED");
        assertThat(send("POST", "/api/parcels/send", body, "kiosk-1").body()).as("a kiosk has no drawer").contains("TERMINAL_REQUIRED");
        HttpResponse<String> sent = send("POST", "/api/parcels/send", body);
        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(sent.body()).contains("\"status\":\"AWAITING_COLLECTION\"", "\"priceFen\":5500", "\"phone\":\"139****1111\"")
                .doesNotContain("13900001111");
        String waybill = field(sent.body(), "waybill");
        assertThat(send("GET", "/api/parcels?status=AWAITING_COLLECTION", null).body()).contains(waybill);
        assertThat(send("POST", "/api/parcels/send", body.replace("2300", "0")).body()).contains("BAD_WEIGHT").contains("重量不对");

        HttpResponse<String> collected = send("POST", "/api/parcels/collect", "{\"waybill\":\"" + waybill + "\"}");
        assertThat(collected.statusCode()).isEqualTo(200);
        assertThat(collected.body()).contains("\"status\":\"COLLECTED\"");
        HttpResponse<String> again = send("POST", "/api/parcels/collect", "{\"waybill\":\"" + waybill + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("ALREADY_COLLECTED");
        assertThat(send("POST", "/api/parcels/collect", "{\"waybill\":\"YZ0000000000000\"}").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/parcels?status=COLLECTED", null).body()).contains(waybill);
    }
}

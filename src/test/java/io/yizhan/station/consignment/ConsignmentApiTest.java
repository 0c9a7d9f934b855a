package io.yizhan.station.consignment;

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

/** The consignors API contract over real HTTP: registered with masked numbers back, a wrong ID number, the same person twice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ConsignmentApiTest {

    private static final String CLERK = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/consignment/consignors")).header("Authorization", CLERK)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String body(String id) {
        return "{\"name\":\"张阿姨\",\"phone\":\"13912345678\",\"idNumber\":\"" + id + "\",\"payoutMethod\":\"CASH\",\"commissionCounterPct\":10,"
                + "\"commissionOnlinePct\":15,\"periodDays\":5,\"endAction\":\"RETURN\"}";
    }

    @Test
    void registerWithMaskedNumbersRefuseABadOrRepeatedIdNumber() throws Exception {
        String id = Farmers.idNumber();
        HttpResponse<String> made = post(body(id));
        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode out = json.readTree(made.body());
        assertThat(out.path("id").asString()).isNotBlank();
        assertThat(out.path("name").asString()).isEqualTo("张阿姨");
        assertThat(out.path("phoneMasked").asString()).isEqualTo("139****5678");
        assertThat(out.path("idMasked").asString()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(made.body()).doesNotContain(id).doesNotContain("13912345678");
        HttpResponse<String> again = post(body(id));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).path("code").asString()).isEqualTo("DUPLICATE_CONSIGNOR");
        char wrong = id.charAt(17) == '1' ? '2' : '1';
        HttpResponse<String> bad = post(body(id.substring(0, 17) + wrong));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("code").asString()).isEqualTo("BAD_ID_NUMBER");
        assertThat(json.readTree(bad.body()).path("message").asString()).contains("身份证号");
    }

    @Test
    void theListingCheckFlagsWordsWithTheirPlaceRuleAndSuggestion() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/consignment/listings/check"))
                .header("Authorization", CLERK).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"特级脐橙 全网第一\",\"description\":\"最佳食用期 7 天，能降血压\"}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode out = json.readTree(r.body());
        assertThat(out.path("ok").asBoolean()).isFalse();
        assertThat(out.path("hits")).hasSize(2);
        JsonNode first = out.path("hits").get(0);
        assertThat(first.path("field").asString()).isEqualTo("title");
        assertThat(first.path("word").asString()).isEqualTo("全网第一");
        assertThat(first.path("start").asInt()).isEqualTo(5);
        assertThat(first.path("end").asInt()).isEqualTo(9);
        assertThat(first.path("rule").asString()).isEqualTo("ABSOLUTE_TERM");
        assertThat(out.path("hits").get(1).path("word").asString()).isEqualTo("降血压");
        assertThat(out.path("hits").get(1).path("suggestion").asString()).isNotBlank();
    }

    @Test
    void productsAndAnIntakeWithItsLabels() throws Exception {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/consignment/products"))
                .header("Authorization", CLERK).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode products = json.readTree(list.body());
        assertThat(products.findValuesAsString("code")).contains("SPINACH", "EGG-FREE");
        assertThat(products.get(0).path("unit").asString()).isIn("KG", "PIECE");
        String consignor = json.readTree(post(body(Farmers.idNumber())).body()).path("id").asString();
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/consignment/lots"))
                .header("Authorization", CLERK).header("Content-Type", "application/json").header("X-Terminal", "counter-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"consignorId\":\"" + consignor + "\",\"product\":\"SPINACH\",\"grade\":\"一级\","
                        + "\"unit\":\"KG\",\"bags\":[500,755],\"unitPriceFen\":600,\"origin\":\"本村\",\"harvestedOn\":null}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode lot = json.readTree(made.body());
        assertThat(lot.path("lotNo").asString()).startsWith("L");
        assertThat(lot.path("quantity").asLong()).isEqualTo(1_255);
        assertThat(lot.path("labelBarcodes")).hasSize(2);
        // 755 g × ¥6.00/kg = 453 fen
        assertThat(lot.path("labelBarcodes").get(1).asString()).matches("28\\d{5}00453\\d");
        HttpResponse<String> zero = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/consignment/lots"))
                .header("Authorization", CLERK).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"consignorId\":\"" + consignor + "\",\"product\":\"SPINACH\",\"bags\":[500],"
                        + "\"unitPriceFen\":0,\"origin\":\"本村\"}")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(json.readTree(zero.body()).path("code").asString()).isEqualTo("BAD_PRICE");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", CLERK)
                .header("Content-Type", "application/json").header("X-Terminal", "counter-1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aLabelSoldThroughTheSalesApiIsOnTheStatementAndPaidOut() throws Exception {
        String consignor = json.readTree(post(body(Farmers.idNumber())).body()).path("id").asString();
        JsonNode lot = json.readTree(send("POST", "/api/consignment/lots", "{\"consignorId\":\"" + consignor + "\",\"product\":\"ORANGE-QC\","
                + "\"bags\":[1000,500],\"unitPriceFen\":1200,\"origin\":\"江西赣州\"}").body());
        HttpResponse<String> sold = send("POST", "/api/sales", "{\"lines\":[{\"barcode\":\"" + lot.path("labelBarcodes").get(0).asString() + "\"},"
                + "{\"barcode\":\"" + lot.path("labelBarcodes").get(1).asString() + "\"}],\"payment\":{\"method\":\"CASH\",\"tenderedFen\":2000},"
                + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(sold.statusCode()).as(sold.body()).isEqualTo(201);
        String saleId = json.readTree(sold.body()).path("id").asString();

        String statementPath = "/api/consignment/consignors/" + consignor + "/statement";
        JsonNode statement = json.readTree(send("GET", statementPath, null).body());
        assertThat(statement.path("lines")).hasSize(2);
        assertThat(statement.path("lines").get(0).path("saleId").asString()).isEqualTo(saleId);
        assertThat(statement.path("lines").get(0).path("lotNo").asString()).isEqualTo(lot.path("lotNo").asString());
        assertThat(statement.path("lines").get(0).path("quantity").asLong()).isEqualTo(1_000);
        assertThat(statement.path("lines").get(0).path("amountFen").asLong()).isEqualTo(1_200);
        assertThat(statement.path("lines").get(0).path("commissionFen").asLong()).isEqualTo(120);
        assertThat(statement.path("lines").get(0).path("shareFen").asLong()).isEqualTo(1_080);
        assertThat(statement.path("salesFen").asLong()).isEqualTo(1_800);
        assertThat(statement.path("commissionFen").asLong()).isEqualTo(180);
        assertThat(statement.path("shareFen").asLong()).isEqualTo(1_620);
        assertThat(statement.path("balanceFen").asLong()).isEqualTo(1_620);
        assertThat(statement.path("payouts")).isEmpty();
        assertThat(statement.path("writeOffs")).isEmpty();

        String payouts = "/api/consignment/consignors/" + consignor + "/payouts";
        HttpResponse<String> tooMuch = send("POST", payouts, "{\"amountFen\":2000,\"method\":\"BANK\",\"reference\":\"B1\",\"idempotencyKey\":\"k-"
                + UUID.randomUUID() + "\"}");
        assertThat(tooMuch.statusCode()).isEqualTo(409);
        assertThat(json.readTree(tooMuch.body()).path("code").asString()).isEqualTo("PAYOUT_EXCEEDS_BALANCE");
        assertThat(json.readTree(tooMuch.body()).path("message").asString()).contains("¥16.20");
        HttpResponse<String> tooLittle = send("POST", payouts, "{\"amountFen\":999,\"method\":\"BANK\",\"reference\":\"B1\",\"idempotencyKey\":\"k-"
                + UUID.randomUUID() + "\"}");
        assertThat(tooLittle.statusCode()).isEqualTo(409);
        assertThat(json.readTree(tooLittle.body()).path("code").asString()).isEqualTo("BELOW_MINIMUM_PAYOUT");
        HttpResponse<String> paid = send("POST", payouts, "{\"amountFen\":1620,\"method\":\"BANK\",\"reference\":\"6222****0001 流水 88\","
                + "\"idempotencyKey\":\"k-" + UUID.randomUUID() + "\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        assertThat(json.readTree(paid.body()).path("id").asString()).isNotBlank();
        JsonNode after = json.readTree(send("GET", statementPath + "?from="
                + java.time.LocalDate.parse(statement.path("from").asString()).minusDays(1) + "&to=" + statement.path("to").asString(), null).body());
        assertThat(after.path("payouts")).hasSize(1);
        assertThat(after.path("payouts").get(0).path("method").asString()).isEqualTo("BANK");
        assertThat(after.path("payoutsFen").asLong()).isEqualTo(1_620);
        assertThat(after.path("balanceFen").asLong()).isZero();
        HttpResponse<String> badDates = send("GET", statementPath + "?from=2026-13-01", null);
        assertThat(badDates.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badDates.body()).path("code").asString()).isEqualTo("BAD_PERIOD");
    }
}

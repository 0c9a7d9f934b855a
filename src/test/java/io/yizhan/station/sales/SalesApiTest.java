package io.yizhan.station.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.support.TestClockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory, sales and stocktake API contract over real HTTP with HTTP Basic: import (dry run and
 * real), goods by barcode and pinyin, stock, moves, a cash sale by barcode and by a scale label with
 * its refusals, a return, and a stocktake posted twice (once) with its XLSX report read back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class SalesApiTest {

    private static final String CLERK = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
    private static final String MANAGER = "Basic " + Base64.getEncoder().encodeToString("manager:manager-demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body, byte[] raw) {
    }

    private Answer call(String who, String method, String path, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", who)
                .header("X-Terminal", "counter-1");
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean isJson = r.headers().firstValue("Content-Type").orElse("").contains("json");
        return new Answer(r.statusCode(), isJson && r.body().length > 0 ? json.readTree(r.body()) : json.createObjectNode(), r.body());
    }

    private Answer post(String who, String path, String body) throws Exception {
        return call(who, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private Answer get(String path) throws Exception {
        return call(CLERK, "GET", path, null, null);
    }

    @Test
    void importSellReturnAndStocktake() throws Exception {
        String p = "API" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String barcode = SalesTest.gtin();
        String csv = "SKU编码,商品名称,规格,条码,单位,售价(元),批次号,生产日期,保质期(天),货位,数量,预警阈值\n"
                + p + "1,香皂,100g," + barcode + ",件,4.50,B1,2026-10-01,720,L-" + p + ",5,2\n"
                + p + "2,西红柿,散装,,千克,6.00,B2,2026-11-25,7,L-" + p + ",10.000,1\n"
                + p + "3,坏行,,,件,-1,,,,,1,\n";
        Answer dry = call(CLERK, "POST", "/api/inventory/import?dryRun=true", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.body().path("accepted").asInt()).isEqualTo(2);
        assertThat(dry.body().path("rejected").get(0).path("row").asInt()).isEqualTo(4);
        assertThat(dry.body().path("rejected").get(0).path("reason").asString()).contains("售价");
        assertThat(get("/api/inventory/skus?q=" + p).body().size()).as("nothing stored on a dry run").isZero();
        assertThat(call(CLERK, "POST", "/api/inventory/import?dryRun=false", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).body()
                .path("accepted").asInt()).isEqualTo(2);

        JsonNode soap = get("/api/inventory/skus?barcode=" + barcode).body().get(0);
        assertThat(soap.path("sku").asString()).isEqualTo(p + "1");
        assertThat(soap.path("unit").asString()).isEqualTo("PIECE");
        assertThat(soap.path("priceFen").asLong()).isEqualTo(450);
        assertThat(soap.path("onHand").asLong()).isEqualTo(5);
        JsonNode tomato = get("/api/inventory/skus?q=xhs").body();
        assertThat(tomato.findValuesAsString("sku")).contains(p + "2");
        String shortCode = get("/api/inventory/skus?q=" + p + "2").body().get(0).path("shortCode").asString();
        assertThat(get("/api/inventory/stock?sku=" + p + "2").body().get(0).path("quantity").asLong()).isEqualTo(10_000);
        assertThat(get("/api/inventory/skus?barcode=6901234567891").body().path("code").asString()).isEqualTo("BAD_BARCODE");
        assertThat(get("/api/inventory/skus?barcode=" + SalesTest.gtin()).status()).isEqualTo(404);

        Answer moved = post(CLERK, "/api/inventory/moves", "{\"type\":\"WRITE_OFF\",\"sku\":\"" + p + "1\",\"from\":\"L-" + p
                + "\",\"quantity\":1,\"reason\":\"DAMAGED\"}");
        assertThat(moved.status()).isEqualTo(201);
        assertThat(moved.body().path("id").asString()).isNotBlank();
        assertThat(post(CLERK, "/api/inventory/moves", "{\"type\":\"FLY\",\"sku\":\"" + p + "1\",\"quantity\":1}").body().path("code").asString())
                .isEqualTo("BAD_TYPE");

        // 2 soaps by barcode and a 29-label of 1,500 g tomatoes: 900 + 900
        String label = io.yizhan.station.inventory.Barcodes.withCheckDigit("29" + shortCode + "01500");
        String key = UUID.randomUUID().toString();
        String sale = "{\"lines\":[{\"barcode\":\"" + barcode + "\",\"quantity\":2},{\"barcode\":\"" + label
                + "\"}],\"payment\":{\"method\":\"CASH\",\"tenderedFen\":2000},\"idempotencyKey\":\"" + key + "\"}";
        Answer sold = post(CLERK, "/api/sales", sale);
        assertThat(sold.status()).isEqualTo(201);
        assertThat(sold.body().path("status").asString()).isEqualTo("PAID");
        assertThat(sold.body().path("totalFen").asLong()).isEqualTo(1_800);
        assertThat(sold.body().path("lines").get(1).path("quantity").asLong()).isEqualTo(1_500);
        assertThat(sold.body().path("lines").get(1).path("unitPriceFen").asLong()).isEqualTo(600);
        assertThat(sold.body().path("paymentId").asString()).isNotBlank();
        assertThat(post(CLERK, "/api/sales", sale).status()).as("the same key, the same sale").isEqualTo(200);
        Answer out = post(CLERK, "/api/sales", "{\"lines\":[{\"sku\":\"" + p + "1\",\"quantity\":5}],\"payment\":{\"method\":\"CASH\"},"
                + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(out.status()).isEqualTo(409);
        assertThat(out.body().path("code").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(out.body().path("sku").asString()).isEqualTo(p + "1");
        Answer badCode = post(CLERK, "/api/sales", "{\"lines\":[{\"sku\":\"" + p + "1\"}],\"payment\":{\"method\":\"CODE\",\"authCode\":\"1\"},"
                + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(badCode.body().path("code").asString()).as("payment refusals pass through").isEqualTo("BAD_AUTH_CODE");

        String saleId = sold.body().path("id").asString();
        Answer back = post(CLERK, "/api/sales/" + saleId + "/returns", "{\"lines\":[{\"sku\":\"" + p + "1\",\"quantity\":1}],\"reason\":\"多买了\","
                + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(back.status()).isEqualTo(201);
        assertThat(back.body().path("refundId").asString()).isNotBlank();
        Answer tooMany = post(CLERK, "/api/sales/" + saleId + "/returns", "{\"lines\":[{\"sku\":\"" + p + "1\",\"quantity\":2}],\"reason\":\"再退\","
                + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.body().path("code").asString()).isEqualTo("RETURN_EXCEEDS_SALE");
        assertThat(get("/api/sales/" + saleId).body().path("status").asString()).isEqualTo("PARTIALLY_RETURNED");

        assertThat(post(CLERK, "/api/stocktakes", "{\"location\":\"L-" + p + "\"}").status()).as("a manager starts it").isEqualTo(403);
        String take = post(MANAGER, "/api/stocktakes", "{\"location\":\"L-" + p + "\"}").body().path("id").asString();
        assertThat(post(CLERK, "/api/stocktakes/" + take + "/counts", "{\"barcode\":\"" + barcode + "\"}").body().path("counted").asLong()).isEqualTo(1);
        post(CLERK, "/api/stocktakes/" + take + "/counts", "{\"sku\":\"" + p + "2\",\"quantity\":8400}");
        JsonNode diffs = get("/api/stocktakes/" + take + "/differences").body();
        // soap: system 3 (5 − 1 written off − 2 sold + 1 back), counted 1 → −2 × ¥4.50; tomatoes: 8,500 g, counted 8,400 → −100 g × ¥6/kg
        assertThat(diffs.findValuesAsString("sku")).containsExactlyInAnyOrder(p + "1", p + "2");
        for (JsonNode d : diffs) {
            long value = d.path("differenceValueFen").asLong();
            assertThat(value).isEqualTo(d.path("sku").asString().equals(p + "1") ? -900 : -60);
        }
        assertThat(post(MANAGER, "/api/stocktakes/" + take + "/post", "{}").body().path("status").asString()).isEqualTo("POSTED");
        assertThat(post(MANAGER, "/api/stocktakes/" + take + "/post", "{}").status()).isEqualTo(200);
        assertThat(get("/api/inventory/skus?barcode=" + barcode).body().get(0).path("onHand").asLong()).as("posted once").isEqualTo(1);
        Answer xlsx = get("/api/stocktakes/" + take + "/report.xlsx");
        try (ReadableWorkbook wb = new ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.raw()))) {
            java.util.List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("货位");
            assertThat(rows).hasSize(4); // header, two differences, the total
            assertThat(new java.math.BigDecimal(rows.get(3).getCellText(8))).isEqualByComparingTo("-9.60");
        }
        String report = new String(get("/api/stocktakes/" + take + "/report.csv").raw(), StandardCharsets.UTF_8);
        assertThat(report).startsWith("\uFEFF货位,SKU编码").contains(p + "1");
    }
}

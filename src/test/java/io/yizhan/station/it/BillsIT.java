package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.yizhan.station.support.RequiredTool;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bills on real processes. The API's contract and its refusals; then the station is killed with
 * SIGKILL while write-offs are under way (one whose answer central holds and then loses, one
 * processing) and while cash accepted offline waits for central; after the restart every order ends
 * in exactly one write-off or one refund, checked against central's operator list, and the offline
 * ones are submitted once, in order. Then in Chromium: a resident pays a water bill and tops up a
 * phone alone at the kiosk with payment codes from the pty kiosk scanner, a clerk takes cash for a
 * {@code 3} account scanned at the counter, and the social-security query leaves nothing on screen.
 */
class BillsIT {

    private static final String CLERK = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString("operator:operator-demo".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String url, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("X-Terminal", "counter-1")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body()));
    }

    static String account(int ending) {
        return String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)) + ending;
    }

    static String code(String ending) {
        return "13" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L)) + ending;
    }

    static String cash(String kind, String account, long fen) {
        return "{\"kind\":\"" + kind + "\",\"account\":\"" + account + "\",\"amountFen\":" + fen + ",\"payment\":{\"method\":\"CASH\",\"tenderedFen\":10000},"
                + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}";
    }

    /** Central's write-offs of the day for the demo station, by station order number. */
    private Map<String, JsonNode> atCentral(StationProcess central) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode w : call("GET", central.url("/api/central/billers/write-offs?station=demo-station-001&date=" + today), OPERATOR, null).body()) {
            assertThat(rows.put(w.path("stationOrderNo").asString(), w)).as("one row per station order").isNull();
        }
        return rows;
    }

    @Test
    void killNineBetweenPaymentAndWriteOffEndsInOneWriteOffOrOneRefund() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "bills-kill-");
        StationProcess central = StationProcess.central(work.resolve("central"), "--yizhan.central.billers.sandbox.lost-answer-after=20s",
                "--yizhan.central.billers.sandbox.processing-for=5s");
        try (central) {
            central.start();
            String[] args = {"--yizhan.sync.central-url=http://127.0.0.1:" + central.port(), "--yizhan.bills.central-wait=30s",
                    "--yizhan.bills.query-every=1s"};
            Map<String, String> expected = new HashMap<>();
            String heldOrder;
            List<String> offline = new ArrayList<>();
            try (StationProcess station = new StationProcess(work.resolve("station"), args).start()) {
                // the API's contract
                String api = station.url("/api/bills");
                Answer due = call("POST", api + "/lookup", CLERK, "{\"kind\":\"WATER\",\"account\":\"" + account(0) + "\"}");
                assertThat(due.status()).isEqualTo(200);
                assertThat(due.body().path("amountDueFen").asLong()).isEqualTo(8650);
                assertThat(due.body().path("holderMasked").asString()).isEqualTo("张*华");
                assertThat(due.body().path("billerName").asString()).isNotBlank();
                assertThat(due.body().path("period").asString()).matches("\\d{4}-\\d{2}");
                assertThat(refusal(call("POST", api + "/lookup", CLERK, "{\"kind\":\"WATER\",\"account\":\"33012ABCDE\"}"))).isEqualTo("400 BAD_ACCOUNT");
                assertThat(refusal(call("POST", api + "/lookup", CLERK, "{\"kind\":\"GAS\",\"account\":\"" + account(2) + "\"}")))
                        .isEqualTo("404 NO_SUCH_ACCOUNT");
                assertThat(refusal(call("POST", api + "/lookup", CLERK, "{\"kind\":\"GAS\",\"account\":\"" + account(1) + "\"}"))).isEqualTo("409 NO_ARREARS");
                assertThat(refusal(call("POST", api + "/lookup", CLERK, "{\"kind\":\"GAS\",\"account\":\"" + account(6) + "\"}")))
                        .isEqualTo("409 BATCH_DEDUCTION_WINDOW");
                assertThat(refusal(call("POST", api + "/payments", CLERK, cash("WATER", account(0), 8600)))).isEqualTo("409 AMOUNT_MISMATCH");
                String topups = station.url("/api/topups");
                assertThat(refusal(call("POST", topups, CLERK, "{\"phone\":\"02088886666\",\"amountFen\":5000,\"payment\":{\"method\":\"CASH\"},"
                        + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}"))).isEqualTo("400 BAD_PHONE");
                assertThat(refusal(call("POST", topups, CLERK, "{\"phone\":\"1440123456789\",\"amountFen\":5000,\"payment\":{\"method\":\"CASH\"},"
                        + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}"))).isEqualTo("400 BAD_PHONE");
                assertThat(refusal(call("POST", topups, CLERK, "{\"phone\":\"13912345670\",\"amountFen\":1500,\"payment\":{\"method\":\"CASH\"},"
                        + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}"))).isEqualTo("400 BAD_DENOMINATION");
                String ss = station.url("/api/social-security/query");
                assertThat(refusal(call("POST", ss, CLERK, "{\"name\":\"李秀兰\",\"idNumber\":\"11010519491231002X\"}"))).isEqualTo("400 CONSENT_REQUIRED");
                assertThat(refusal(call("POST", ss, CLERK, "{\"name\":\"李秀兰\",\"idNumber\":\"110105194912310021\",\"consent\":true}")))
                        .isEqualTo("400 BAD_ID_NUMBER");
                Answer pension = call("POST", ss, CLERK, "{\"name\":\"李秀兰\",\"idNumber\":\"11010519491231002X\",\"consent\":true}");
                assertThat(pension.status()).isEqualTo(200);
                assertThat(pension.body().path("monthsContributed").asInt()).isPositive();

                String paidAccount = account(0);
                Answer paid = call("POST", api + "/payments", CLERK, cash("WATER", paidAccount, 8650));
                assertThat(paid.status()).isEqualTo(201);
                assertThat(paid.body().path("status").asString()).isEqualTo("SUCCEEDED");
                assertThat(paid.body().path("writeOffRef").asString()).startsWith("WO");
                assertThat(paid.body().path("paymentId").asString()).isNotBlank();
                assertThat(call("GET", api + "/payments/" + paid.body().path("id").asString(), CLERK, null).body().path("stationOrderNo").asString())
                        .isEqualTo(paid.body().path("stationOrderNo").asString());
                assertThat(refusal(call("POST", api + "/payments", CLERK, cash("WATER", paidAccount, 8650)))).isEqualTo("409 ALREADY_PAID");
                expected.put(paid.body().path("stationOrderNo").asString(), "SUCCESS");
                Answer failed = call("POST", api + "/payments", CLERK, cash("GAS", account(4), 8650));
                assertThat(failed.body().path("status").asString()).isEqualTo("REFUNDED");
                expected.put(failed.body().path("stationOrderNo").asString(), "FAILED");
                Answer processing = call("POST", api + "/payments", CLERK, cash("ELECTRICITY", account(3), 8650));
                assertThat(processing.body().path("status").asString()).isEqualTo("SUBMITTED");
                expected.put(processing.body().path("stationOrderNo").asString(), "SUCCESS");
                Answer topUp = call("POST", topups, CLERK, "{\"phone\":\"13912345673\",\"amountFen\":5000,\"payment\":{\"method\":\"CASH\"},"
                        + "\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
                assertThat(topUp.status()).isEqualTo(201);
                assertThat(topUp.body().path("kind").asString()).isEqualTo("TOPUP");
                expected.put(topUp.body().path("stationOrderNo").asString(), "SUCCESS");

                // a write-off whose answer central holds (and will lose): the station dies waiting for it
                String heldBody = cash("WATER", account(5), 8650);
                Thread held = Thread.ofPlatform().start(() -> {
                    try {
                        call("POST", api + "/payments", CLERK, heldBody);
                    } catch (Exception killed) {
                        // the station died under it
                    }
                });
                Instant deadline = Instant.now().plusSeconds(60);
                while (atCentral(central).size() < expected.size() + 1 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }
                Map<String, JsonNode> before = atCentral(central);
                assertThat(before).as("central has written off the held one").hasSize(expected.size() + 1);
                heldOrder = before.keySet().stream().filter(no -> !expected.containsKey(no)).findFirst().orElseThrow();
                expected.put(heldOrder, "SUCCESS");
                station.killHard();
                held.join(30_000);
            }

            // central away: two bills accepted in cash offline, then the station dies before central is back
            central.close();
            try (StationProcess station = new StationProcess(work.resolve("station"), args).start()) {
                for (int ending : new int[] {0, 1, 8}) {
                    Answer accepted = call("POST", station.url("/api/bills/payments"), CLERK, cash("WATER", account(ending), 8650));
                    assertThat(accepted.status()).isEqualTo(201);
                    assertThat(accepted.body().path("status").asString()).isEqualTo("ACCEPTED_OFFLINE");
                    offline.add(accepted.body().path("stationOrderNo").asString());
                }
                station.killHard();
            }
            central.start();
            try (StationProcess again = new StationProcess(work.resolve("station"), args).start()) {
                Instant limit = Instant.now().plusSeconds(120);
                Map<String, JsonNode> rows = atCentral(central);
                while (Instant.now().isBefore(limit) && !(rows.keySet().containsAll(List.of(offline.get(0), offline.get(2)))
                        && rows.values().stream().noneMatch(w -> w.path("status").asString().equals("PROCESSING")))) {
                    Thread.sleep(500);
                    rows = atCentral(central);
                }
                for (Map.Entry<String, String> e : expected.entrySet()) {
                    assertThat(rows.get(e.getKey()).path("status").asString()).as(e.getKey()).isEqualTo(e.getValue());
                }
                assertThat(rows.get(offline.get(0)).path("status").asString()).isEqualTo("SUCCESS");
                assertThat(rows.get(offline.get(2)).path("status").asString()).isEqualTo("SUCCESS");
                assertThat(rows).as("the no-arrears one was never sent: central's lookup said no").doesNotContainKey(offline.get(1));
                assertThat(rows.get(heldOrder).path("accountMasked").asString()).matches("\\d{3}\\*{4}\\d{3}");
                assertThat(rows.get(heldOrder).path("kind").asString()).isEqualTo("WATER");
                assertThat(rows.get(heldOrder).path("amountFen").asLong()).isEqualTo(8650);
                // and the station agrees: each order final, paid once or refunded
                Map<String, String> station = stationStatuses(again);
                for (Map.Entry<String, String> e : expected.entrySet()) {
                    assertThat(station.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue().equals("SUCCESS") ? "SUCCEEDED" : "REFUNDED");
                }
                assertThat(station.get(offline.get(1))).isEqualTo("REFUNDED");
                assertThat(station.get(offline.get(0))).isEqualTo("SUCCEEDED");
                // submitted in the order they were accepted
                assertThat(rows.get(offline.get(0)).path("stationOrderNo").asString().compareTo(offline.get(2))).isNegative();
            }
        }
    }

    /** The station's own word on every order of the day, read through its API by order number. */
    private Map<String, String> stationStatuses(StationProcess station) throws Exception {
        Map<String, String> byOrder = new HashMap<>();
        Instant limit = Instant.now().plusSeconds(60);
        // the final states: the job may still be refunding the last failed one
        while (true) {
            byOrder.clear();
            String body = call("GET", station.url("/api/bills/payments?date=" + LocalDate.now(ZoneId.of("Asia/Shanghai"))), CLERK, null).body().toString();
            for (JsonNode b : json.readTree(body)) {
                byOrder.put(b.path("stationOrderNo").asString(), b.path("status").asString());
            }
            if (byOrder.values().stream().allMatch(s -> s.equals("SUCCEEDED") || s.equals("REFUNDED")) || Instant.now().isAfter(limit)) {
                return byOrder;
            }
            Thread.sleep(500);
        }
    }

    private static String refusal(Answer a) {
        assertThat(a.body().path("message").asString()).as("a message for people").isNotBlank();
        return a.status() + " " + a.body().path("code").asString();
    }

    @Test
    void residentsPayAndTopUpAtTheKioskAClerkTakesCashAndQueriesSocialSecurity() throws Exception {
        PageChecks checks = new PageChecks();
        Path work = Files.createTempDirectory(Path.of("target"), "bills-central-");
        try (StationProcess central = StationProcess.central(work, "--yizhan.central.billers.sandbox.processing-for=5s").start();
             ScannerStation s = new ScannerStation("bills", false, central)) {
            // a resident pays the water bill alone: tiles, the account on the keypad, 是您家吗？, the payment code at the kiosk scanner
            Page kiosk = s.kiosk();
            kiosk.locator("#tile-bills").click();
            kiosk.locator("#bills-kind-water").waitFor();
            checks.check(kiosk, "kiosk-bills-kinds", 24, 64);
            kiosk.locator("#bills-kind-water").click();
            String water = account(0);
            for (char c : water.toCharArray()) {
                kiosk.locator("#keypad-" + c).click();
            }
            checks.check(kiosk, "kiosk-bills-account", 24, 64);
            kiosk.locator("#keypad-confirm").click();
            kiosk.locator("#bills-amount").waitFor();
            assertThat(kiosk.locator("#bills-amount").textContent()).isEqualTo("¥86.50");
            assertThat(kiosk.locator("#bills-title").textContent()).isEqualTo("是您家吗？");
            assertThat(kiosk.locator("#bills-holder").textContent()).contains("张*华", water.substring(0, 3) + "****" + water.substring(7));
            checks.check(kiosk, "kiosk-bills-confirm", 24, 64);
            kiosk.locator("#bills-yes").click();
            kiosk.locator("#pay-amount").waitFor();
            assertThat(kiosk.locator("#pay-amount").textContent()).isEqualTo("¥86.50");
            checks.check(kiosk, "kiosk-bills-pay", 24, 64);
            s.scan(s.kioskScanner, code("00"));
            kiosk.locator("#bills-result").waitFor(new Locator.WaitForOptions().setTimeout(15_000));
            assertThat(kiosk.locator("#bills-result").textContent()).isEqualTo("已缴成功");
            checks.check(kiosk, "kiosk-bills-done", 24, 64);
            kiosk.locator("#bills-done").click();

            // a gas bill's barcode under the kiosk scanner goes straight to 是您家吗？
            kiosk.locator("#tile-bills").click();
            kiosk.locator("#bills-kind-gas").click();
            kiosk.locator("#keypad-display").waitFor();
            String gas = account(7);
            s.scan(s.kioskScanner, "G-" + gas);
            kiosk.locator("#bills-amount").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            kiosk.locator("#bills-at-counter").click();
            kiosk.locator("#bills-request-number").waitFor();
            checks.check(kiosk, "kiosk-bills-request", 24, 64);
            kiosk.locator("#bills-done").click();

            // a phone topped up alone: the number twice, the carrier, ¥50 as a big button, the payment code
            kiosk.locator("#tile-topup").click();
            for (int round = 0; round < 2; round++) {
                kiosk.locator("#keypad-display").waitFor();
                for (char c : "13812345670".toCharArray()) {
                    kiosk.locator("#keypad-" + c).click();
                }
                kiosk.locator("#keypad-confirm").click();
                if (round == 0) {
                    kiosk.waitForCondition(() -> kiosk.locator("#bills-message").textContent().contains("再输入一遍"));
                }
            }
            kiosk.locator("#topup-carrier").waitFor();
            assertThat(kiosk.locator("#topup-carrier").textContent()).isEqualTo("中国移动 138****670");
            checks.check(kiosk, "kiosk-topup-amount", 24, 64);
            kiosk.locator("#topup-50").click();
            kiosk.locator("#pay-amount").waitFor();
            assertThat(kiosk.locator("#pay-amount").textContent()).isEqualTo("¥50.00");
            s.scan(s.kioskScanner, code("00"));
            kiosk.locator("#bills-result").waitFor(new Locator.WaitForOptions().setTimeout(15_000));
            assertThat(kiosk.locator("#bills-result").textContent()).isEqualTo("充值成功");
            kiosk.locator("#bills-done").click();

            // the clerk: a paper bill with a 3 account scanned at the counter, cash, the write-off finishing by itself
            Page counter = s.counter();
            counter.navigate(s.station.url("/counter/bills"));
            counter.locator("#bills-account").waitFor();
            String electricity = account(3);
            s.scan(s.counterScanner, "E-" + electricity);
            counter.locator("#bills-due-amount").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            assertThat(counter.locator("#bills-due-amount").textContent()).isEqualTo("¥86.50");
            checks.check(counter, "counter-bills-due", 14, 24);
            counter.locator("#bills-tendered input").fill("100");
            counter.locator("#bills-pay-cash").click();
            counter.waitForCondition(() -> counter.locator("#bills-outcome").textContent().contains("正在销账"));
            counter.waitForCondition(() -> counter.locator("#bills-outcome").textContent().contains("已缴成功"),
                    new Page.WaitForConditionOptions().setTimeout(30_000));
            checks.check(counter, "counter-bills-done", 14, 24);
            assertThat(counter.locator("#bills-today").textContent()).contains(electricity.substring(0, 3) + "****" + electricity.substring(7));

            // the social-security query for the person present: consent, the masked result, nothing left after 清除
            counter.locator("#bills-kind-social").click();
            counter.locator("#ss-name input").fill("李秀兰");
            counter.locator("#ss-id input").fill("11010519491231002X");
            counter.locator("#ss-query").click();
            counter.waitForCondition(() -> counter.locator("#bills-outcome").textContent().contains("同意"));
            counter.locator("#ss-consent").click();
            counter.locator("#ss-query").click();
            counter.locator("#ss-months").waitFor();
            assertThat(counter.content()).doesNotContain("11010519491231002X").doesNotContain("李秀兰").contains("110****02X");
            checks.check(counter, "counter-social-security", 14, 24);
            counter.locator("#ss-clear").click();
            counter.locator("#ss-months").waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            assertThat(counter.content()).doesNotContain("110****02X");
            assertThat(s.get("/api/print-jobs")).doesNotContain("social-security");
        }
    }
}

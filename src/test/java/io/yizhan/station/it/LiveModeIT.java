package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.yizhan.station.support.RequiredTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Live mode (`yizhan.demo: false`): no demo accounts, the first admin from YIZHAN_ADMIN_PASSWORD
 * (without it the station refuses to start), cash taken only into an opened drawer session, and
 * unpaired browsers see only the pairing screen until a manager pairs them.
 */
class LiveModeIT {

    @Test
    void refusesToStartWithoutAFirstAdminPassword() throws Exception {
        StationProcess station = new StationProcess(Files.createTempDirectory(Path.of("target"), "live-noadmin-"),
                "--yizhan.demo=false");
        Process process = station.launch();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(station.tail()).contains("YIZHAN_ADMIN_PASSWORD");
    }

    @Test
    void firstAdminPairsTheCounterThenTheKioskByCode() throws Exception {
        RequiredTool.require("chromium", "chromium");
        try (StationProcess station = new StationProcess(Files.createTempDirectory(Path.of("target"), "live-"),
                "--yizhan.demo=false").env("YIZHAN_ADMIN_PASSWORD", "first-admin-2026").start();
             Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of("/usr/bin/chromium")).setArgs(BrowserIT.CHROMIUM_FLAGS))) {

            HttpClient http = HttpClient.newHttpClient();
            for (String demo : new String[] {"clerk:clerk-demo", "manager:manager-demo", "admin:admin-demo"}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/x")))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(demo.getBytes(StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("no demo account " + demo + " in live mode").isEqualTo(401);
            }

            // live: cash is refused until the counter's drawer is opened with its float, then taken into that session
            String admin = "Basic " + Base64.getEncoder().encodeToString("admin:first-admin-2026".getBytes(StandardCharsets.UTF_8));
            String cash = "{\"amountFen\":800,\"purpose\":\"live\",\"method\":\"CASH\",\"idempotencyKey\":\"" + java.util.UUID.randomUUID() + "\"}";
            HttpRequest.Builder pay = HttpRequest.newBuilder(URI.create(station.url("/api/payments"))).header("Authorization", admin)
                    .header("Content-Type", "application/json").header("X-Terminal", "counter-1").POST(HttpRequest.BodyPublishers.ofString(cash));
            HttpResponse<String> refused = http.send(pay.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("NO_CASH_SESSION");
            HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/cash-sessions"))).header("Authorization", admin)
                    .header("Content-Type", "application/json").header("X-Terminal", "counter-1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"floatFen\":20000}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode()).isEqualTo(201);
            assertThat(http.send(pay.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
            HttpResponse<String> current = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/cash-sessions/current")))
                    .header("Authorization", admin).header("X-Terminal", "counter-1").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(current.body()).contains("\"expectedCashFen\":20800");

            // an unpaired kiosk sees only the pairing screen, with a code
            BrowserContext kioskContext = browser.newContext();
            Page kiosk = kioskContext.newPage();
            kiosk.navigate(station.url("/kiosk"));
            kiosk.locator("#pairing-code").waitFor();
            String code = kiosk.locator("#pairing-code").textContent().replace(" ", "");
            assertThat(code).matches("\\d{6}");
            assertThat(kiosk.locator(".demo-badge").count()).isZero();
            assertThat(kiosk.locator("#tile-call-staff").count()).isZero();

            // the admin signs in on an unpaired counter browser and pairs it right there
            BrowserContext counterContext = browser.newContext();
            Page counter = counterContext.newPage();
            counter.navigate(station.url("/login"));
            counter.locator("input[name=username]").fill("admin");
            counter.locator("input[name=password]").fill("first-admin-2026");
            counter.locator("vaadin-button[slot=submit], button[type=submit]").first().click();
            counter.locator("#pairing-here").waitFor();
            counter.locator("#pairing-terminal").click();
            counter.locator("vaadin-select-item:has-text('counter-1')").click();
            counter.locator("#pairing-here").click();
            counter.waitForURL("**/counter");
            counter.locator("#counter-terminal").waitFor();
            assertThat(counter.locator("#counter-terminal").textContent()).contains("counter-1");

            // …then pairs the kiosk by the code it shows; the kiosk moves on by itself
            counter.navigate(station.url("/counter/terminals"));
            counter.locator("#pair-code input").fill(code);
            counter.locator("#pair-terminal").click();
            counter.locator("vaadin-select-item:has-text('kiosk-1')").click();
            counter.locator("#pair-button").click();
            kiosk.locator("#tile-call-staff").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(15_000));
            assertThat(kiosk.url()).endsWith("/kiosk");
            counter.navigate(station.url("/counter/audit"));
            counter.waitForCondition(() -> counter.locator("#audit-grid").textContent().contains("terminal.pair")
                    || counter.locator("#audit-grid").textContent().contains("配对终端"));
        }
    }
}

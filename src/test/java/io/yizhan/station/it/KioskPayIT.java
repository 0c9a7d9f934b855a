package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.yizhan.station.support.PtyPair;
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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A resident pays at the kiosk, as they would: the station and central as processes, the kiosk
 * scanner on a real pty (serial), Chromium for the kiosk. A cash-on-delivery parcel: the code on the
 * keypad, the parcel's label under the scanner, then the pay step — the amount huge, the payment code
 * under the scanner, "请在手机上输入密码" while the password is typed, "付款成功", and the parcel is
 * theirs. Each screen passes axe-core and the kiosk's size floor.
 */
class KioskPayIT {

    @Test
    void aResidentPaysCashOnDeliveryWithAPaymentCodeAtTheKiosk() throws Exception {
        RequiredTool.require("chromium", "chromium");
        RequiredTool.require("socat", "socat");
        Path work = Files.createTempDirectory(Path.of("target"), "kiosk-pay-").toAbsolutePath();
        Path scannerPort = work.resolve("pty/kiosk-scanner");
        PageChecks checks = new PageChecks();
        try (StationProcess central = StationProcess.central(work.resolve("central"), "--yizhan.central.gateway.sandbox.confirm-after=3s").start();
             PtyPair scanner = new PtyPair(scannerPort);
             StationProcess station = new StationProcess(work.resolve("station"),
                     "--yizhan.sync.central-url=http://127.0.0.1:" + central.port(),
                     "--yizhan.devices.kiosk-scanner.transport=serial", "--yizhan.devices.kiosk-scanner.port=" + scannerPort).start();
             Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            HttpClient http = HttpClient.newHttpClient();
            String clerk = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
            String waybill = "JT" + String.format("%013d", System.nanoTime() % 10_000_000_000_000L);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/parcels/check-in")))
                    .header("Authorization", clerk).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"waybill\":\"" + waybill + "\",\"phone\":\"13712345678\",\"codFen\":1880}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            String code = created.body().replaceAll(".*\"pickupCode\":\"([^\"]+)\".*", "$1");
            String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true).setArgs(BrowserIT.CHROMIUM_FLAGS));
            Page kiosk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1024).setLocale("zh-CN")).newPage();
            kiosk.navigate(station.url("/kiosk"));
            kiosk.locator("#tile-pickup").click();
            kiosk.locator("#keypad-display").waitFor();
            for (char c : code.toCharArray()) {
                kiosk.locator("#keypad-" + (c == '-' ? "dash" : String.valueOf(c))).click();
            }
            kiosk.waitForCondition(() -> code.equals(kiosk.locator("#keypad-display").textContent()));
            kiosk.locator("#keypad-confirm").click();
            kiosk.locator(".pickup-place").first().waitFor();

            // the parcel's label under the kiosk scanner: it must be paid first
            scanner.write((waybill + "\r").getBytes(StandardCharsets.US_ASCII));
            kiosk.locator("#pay-amount").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            assertThat(kiosk.locator("#pay-amount").textContent()).isEqualTo("¥18.80");
            assertThat(kiosk.locator("#pay-message").textContent()).contains("付款码");
            checks.check(kiosk, "kiosk-pay", 24, 64);

            // the payment code under the scanner; the resident types the password on the phone
            String payCode = "13" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L)) + "01";
            scanner.write((payCode + "\r").getBytes(StandardCharsets.US_ASCII));
            kiosk.waitForCondition(() -> kiosk.locator("#pay-message").textContent().equals("请在手机上输入密码"),
                    new Page.WaitForConditionOptions().setTimeout(15_000));
            checks.check(kiosk, "kiosk-pay-waiting", 24, 64);
            kiosk.locator("#pickup-done").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
            assertThat(kiosk.locator("#pickup-message").textContent()).contains("付款成功，已付 ¥18.80。");
            checks.check(kiosk, "kiosk-pay-done", 24, 64);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(station.url("/api/parcels?waybill=" + waybill))).header("Authorization", clerk)
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).contains(id, "PICKED_UP");
            browser.close();
        }
    }
}

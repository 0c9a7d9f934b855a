package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
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
import org.junit.jupiter.api.Test;

/**
 * The README's two processes, station and central, in Chromium: the manager's sync screen and the
 * status strip tell the truth about the link, and an operator sees the stations and the SMS
 * sandbox at central; a farmer's lot listed at the counter (its wording checked, the manager sending
 * it) is listed by the operator at central and shows as listed back at the station. Each screen
 * passes axe-core and the size floor.
 */
class CentralScreensIT {

    @Test
    void staffSeeTheSyncAndOperatorsSeeStationsAndTexts() throws Exception {
        RequiredTool.require("chromium", "chromium");
        Path work = Files.createTempDirectory(Path.of("target"), "central-screens-");
        PageChecks checks = new PageChecks();
        StationProcess central = StationProcess.central(work.resolve("central"), "--yizhan.central.gateway.sandbox.confirm-after=3s");
        try (StationProcess station = new StationProcess(work.resolve("station"),
                "--yizhan.sync.central-url=http://127.0.0.1:" + central.port(), "--yizhan.sync.pull-every=1s").start();
             Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            HttpClient http = HttpClient.newHttpClient();
            String clerk = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
            for (String phone : new String[] {"13812345678", "17000001234"}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/parcels/check-in")))
                        .header("Authorization", clerk).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"waybill\":\"YT" + String.format("%013d", System.nanoTime() % 10_000_000_000_000L)
                                + "\",\"phone\":\"" + phone + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(201);
            }
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true).setArgs(BrowserIT.CHROMIUM_FLAGS));

            // central is down: the manager's screen says so, and that nothing is lost
            Page counter = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)).newPage();
            counter.navigate(station.url("/login"));
            counter.locator("input[name=username]").fill("manager");
            counter.locator("input[name=password]").fill("manager-demo");
            counter.locator("vaadin-button[slot=submit], button[type=submit]").first().click();
            counter.waitForURL("**/counter");
            counter.navigate(station.url("/counter/sync"));
            counter.locator("#sync-link").waitFor();
            assertThat(counter.locator("#sync-link").textContent()).contains("连不上总部");
            assertThat(counter.locator("#sync-queue").textContent()).contains("等待上传 4 条");
            checks.check(counter, "counter-sync-offline", 14, 24);

            central.start();
            counter.waitForCondition(() -> {
                counter.locator("#sync-refresh").click();
                counter.waitForTimeout(500);
                return counter.locator("#sync-link").textContent().contains("已连接总部");
            }, new Page.WaitForConditionOptions().setTimeout(60_000));
            assertThat(counter.locator("#sync-queue").textContent()).contains("等待上传 0 条");
            counter.locator("#status-sync").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("总部已连接")).waitFor(
                    new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(15_000));
            checks.check(counter, "counter-sync-online", 14, 24);

            // 收款: cash with the change shown large, then a payment code the resident confirms on the phone
            counter.navigate(station.url("/counter/payments"));
            counter.locator("#amount input").fill("12.5");
            counter.locator("#tendered input").fill("20");
            counter.waitForCondition(() -> counter.locator("#change").textContent().contains("找零 ¥7.50"));
            checks.check(counter, "counter-payments-cash", 14, 24);
            counter.locator("#take").click();
            counter.waitForCondition(() -> counter.locator("#result").textContent().contains("已收现金 ¥12.50，找零 ¥7.50"));
            counter.locator("vaadin-radio-button").nth(1).click();
            counter.locator("#amount input").fill("30");
            counter.locator("#auth-code input").fill("134567890123456701");
            counter.locator("#auth-code input").press("Enter");
            counter.locator("#waiting").waitFor();
            assertThat(counter.locator("#waiting").textContent()).contains("请在手机上输入密码", "取消付款");
            checks.check(counter, "counter-payments-waiting", 14, 24);
            counter.waitForCondition(() -> counter.locator("#result").textContent().contains("已收款 ¥30.00（微信支付）"),
                    new Page.WaitForConditionOptions().setTimeout(60_000));
            assertThat(counter.locator("#recent-payments").textContent()).contains("¥30.00", "¥12.50", "已收款");
            // a partial refund of the cash payment, from the drawer, with a reason
            counter.locator("#recent-payments vaadin-button").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("退款")).last().click();
            counter.locator("#refund-box").waitFor();
            counter.locator("#refund-amount input").fill("2.5");
            counter.locator("#refund-reason input").fill("少给了一瓶水");
            checks.check(counter, "counter-payments-refund", 14, 24);
            counter.locator("#refund-confirm").click();
            counter.waitForCondition(() -> counter.locator("#result").textContent().contains("已退款 ¥2.50"));

            // 日结: the blind count by denomination, the drawer's expected cash compared only after it
            counter.navigate(station.url("/counter/cash"));
            counter.locator("#movements").waitFor();
            assertThat(counter.locator("#movements").textContent()).contains("¥12.50", "-¥2.50");
            counter.locator("#count-10000 input").fill("5");
            counter.locator("#count-1000 input").fill("1");
            counter.waitForCondition(() -> counter.locator("#counted").textContent().contains("¥510.00"));
            checks.check(counter, "counter-cash-count", 14, 24);
            counter.locator("#close-session").click();
            counter.waitForCondition(() -> counter.locator("#close-result").textContent().contains("应有 ¥510.00，清点 ¥510.00，差额 ¥0.00"));
            assertThat(counter.locator("#recent-sessions").textContent()).contains("counter-", "¥510.00");

            // a courier manifest at central reaches the counter: the scan alone checks the parcel in
            String manifested = "SF" + String.format("%013d", System.nanoTime() % 10_000_000_000_000L);
            HttpResponse<String> manifest = http.send(HttpRequest.newBuilder(URI.create(central.url("/api/central/stations/demo-station-001/manifests")))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("operator:operator-demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[{\"waybill\":\"" + manifested + "\",\"courier\":\"SF\",\"phone\":\"13955556666\"}]"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(manifest.statusCode()).isEqualTo(202);
            counter.navigate(station.url("/counter/parcels/check-in"));
            counter.waitForCondition(() -> {
                counter.locator("#waybill input").fill(manifested);
                counter.locator("#waybill input").press("Enter");
                counter.waitForTimeout(500);
                return counter.locator("#phone").textContent().contains("139****6666");
            }, new Page.WaitForConditionOptions().setTimeout(30_000));
            checks.check(counter, "counter-check-in-manifest", 14, 24);
            counter.locator("#phone input").press("Enter");
            counter.waitForCondition(() -> counter.locator("#recent-check-ins").textContent().contains(manifested));
            assertThat(counter.locator("#recent-check-ins").textContent()).contains("139****6666");

            // a farmer's oranges listed for the platform: the wording checked, the manager sends it to central
            HttpResponse<String> farmer = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/consignment/consignors")))
                    .header("Authorization", clerk).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"陈大伯\",\"phone\":\"13712345678\",\"idNumber\":\"110105195003150043\","
                            + "\"payoutMethod\":\"CASH\",\"commissionCounterPct\":10,\"commissionOnlinePct\":15,\"periodDays\":7,\"endAction\":\"RETURN\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(farmer.statusCode()).as(farmer.body()).isEqualTo(201);
            String farmerId = farmer.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> lot = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/consignment/lots")))
                    .header("Authorization", clerk).header("Content-Type", "application/json").header("X-Terminal", "counter-1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"consignorId\":\"" + farmerId + "\",\"product\":\"ORANGE-QC\",\"bags\":[5000,5000],"
                            + "\"unitPriceFen\":900,\"origin\":\"江西赣州\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(lot.statusCode()).as(lot.body()).isEqualTo(201);
            java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = photo.createGraphics();
            g.setColor(new java.awt.Color(0xF0, 0x8C, 0x00));
            g.fillOval(100, 50, 200, 200);
            g.dispose();
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(photo, "png", png);
            String lotSku = lot.body().replaceAll(".*\"sku\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> pictured = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/inventory/skus/" + lotSku + "/picture")))
                    .header("Authorization", clerk).header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pictured.statusCode()).as(pictured.body()).isBetween(200, 204);
            counter.navigate(station.url("/counter/listings"));
            String lotNo = lot.body().replaceAll(".*\"lotNo\":\"([^\"]+)\".*", "$1");
            counter.locator("#listing-lot").click();
            counter.locator("vaadin-select-item:has-text('" + lotNo + "')").click();
            // choosing the lot fills in a title from the server: type over it only once it is there
            counter.waitForCondition(() -> counter.locator("#listing-title input").inputValue().startsWith("脐橙"));
            counter.locator("#listing-title input").fill("赣南脐橙 全网第一");
            counter.locator("#listing-description textarea").fill("现摘现发，最佳食用期 15 天");
            counter.locator("#listing-check").click();
            counter.waitForCondition(() -> counter.locator("#listing-hits").textContent().contains("全网第一"));
            checks.check(counter, "counter-listings-check", 14, 24);
            counter.locator("#listing-title input").fill("赣南脐橙 一级 现摘");
            counter.locator("#listing-submit").click();
            counter.waitForCondition(() -> counter.locator("#listing-result").textContent().startsWith("已提交店长审核"));
            counter.locator("[id^=listing-approve-]").first().click();
            counter.waitForCondition(() -> counter.locator("#listing-result").textContent().startsWith("已送平台审核"));

            Page operator = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale("zh-CN")).newPage();
            operator.navigate(central.url("/login"));
            operator.locator("input[name=username]").waitFor();
            checks.check(operator, "central-login", 14, 24);
            operator.locator("input[name=username]").fill("operator");
            operator.locator("input[name=password]").fill("operator-demo");
            operator.locator("vaadin-button[slot=submit], button[type=submit]").first().click();
            operator.locator("#stations").waitFor();
            assertThat(operator.locator("#stations").textContent()).contains("demo-station-001", "幸福里社区驿站");
            checks.check(operator, "central-stations", 14, 24);

            operator.waitForCondition(() -> {
                operator.navigate(central.url("/sms"));
                operator.locator("#sms").waitFor();
                return operator.locator("#sms").textContent().contains("已发送") && operator.locator("#sms").textContent().contains("发送失败");
            }, new Page.WaitForConditionOptions().setTimeout(30_000));
            assertThat(operator.locator("#sms").textContent()).contains("138****5678", "取件码").doesNotContain("13812345678");
            checks.check(operator, "central-sms", 14, 24);

            // the payment gateway's day: the station's code payment, paid
            operator.navigate(central.url("/gateway"));
            operator.locator("#gateway-trades").waitFor();
            assertThat(operator.locator("#gateway-trades").textContent()).contains("¥30.00", "支付成功");
            checks.check(operator, "central-gateway", 14, 24);

            // the operator lists the oranges; the decision reaches the station's listing
            operator.waitForCondition(() -> {
                operator.navigate(central.url("/listings"));
                operator.locator("#listings").waitFor();
                return operator.locator("#listings").textContent().contains("赣南脐橙 一级 现摘");
            }, new Page.WaitForConditionOptions().setTimeout(30_000));
            assertThat(operator.locator("#listings img").count()).as("the lot's picture travelled with it").isEqualTo(1);
            checks.check(operator, "central-listings", 14, 24);
            operator.locator("[id^=approve-]").first().click();
            operator.waitForCondition(() -> operator.locator("#listing-review-result").textContent().startsWith("已上架"));
            counter.waitForCondition(() -> {
                counter.navigate(station.url("/counter/listings"));
                counter.locator("#listing-list").waitFor();
                return counter.locator("#listing-list").textContent().contains("已上架");
            }, new Page.WaitForConditionOptions().setTimeout(30_000));
            checks.check(counter, "counter-listings", 14, 24);

            // a buyer on the platform orders 2 kg; the station packs and ships it, the postage billed to the order
            operator.navigate(central.url("/listings"));
            operator.locator("#listings vaadin-text-field input").first().fill("2000");
            operator.locator("[id^=order-]").first().click();
            operator.waitForCondition(() -> operator.locator("#listing-review-result").textContent().startsWith("已下单"));
            counter.waitForCondition(() -> {
                counter.navigate(station.url("/counter/online-orders"));
                counter.locator("#online-orders").waitFor();
                return counter.locator("#online-orders").textContent().contains("待发货");
            }, new Page.WaitForConditionOptions().setTimeout(30_000));
            assertThat(counter.locator("#online-orders").textContent()).contains("2.000千克", "¥18.00", "138****8000").doesNotContain("13800138000");
            counter.locator("#online-orders vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("待发货"))
                    .first().click();
            counter.locator("#order-grams input").fill("2150");
            checks.check(counter, "counter-online-orders", 14, 24);
            counter.locator("#order-ship").click();
            counter.waitForCondition(() -> counter.locator("#order-result").textContent().startsWith("已发货：运单 YZ"));
            operator.waitForCondition(() -> {
                operator.navigate(central.url("/listings"));
                operator.locator("#online-orders").waitFor();
                return operator.locator("#online-orders").textContent().contains("站点已发货");
            }, new Page.WaitForConditionOptions().setTimeout(30_000));
            checks.check(operator, "central-listings-orders", 14, 24);

            // 代购订单: an order the station placed for a resident, paid, for the operator to ship
            HttpResponse<String> order = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/shopping/orders")))
                    .header("Authorization", clerk).header("Content-Type", "application/json").header("X-Terminal", "counter-2")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"residentPhone\":\"13712340000\",\"lines\":[{\"productId\":\"P0054\",\"quantity\":2}],"
                            + "\"idempotencyKey\":\"" + java.util.UUID.randomUUID() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
            operator.navigate(central.url("/orders"));
            operator.locator("#shop-orders").waitFor();
            operator.waitForCondition(() -> operator.locator("#shop-orders").textContent().contains("P0054 × 2"));
            checks.check(operator, "central-orders", 14, 24);
            operator.navigate(central.url("/catalog"));
            operator.locator("#offers").waitFor();
            operator.locator("#product-search input").fill("大米");
            operator.locator("[id^=save-]").first().waitFor();
            checks.check(operator, "central-catalog", 14, 24);
            browser.close();
        } finally {
            central.close();
        }
    }
}

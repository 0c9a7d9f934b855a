package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
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
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Assisted buying on the README's two processes, in Chromium, as a resident and a clerk live it: the
 * resident browses the catalog alone at the kiosk and asks for help (another pays for soap at the
 * kiosk with a payment code under the kiosk scanner); the clerk takes the request,
 * places the order, and the resident confirms it on the customer display; cash is paid; central's
 * operator ships it; the waybill scanned at check-in is recognised as the order's parcel; the
 * resident picks it up at the kiosk and sees the order's state by scanning the receipt's QR code;
 * a no-reason return is refunded. The API's contract is checked on the way. Every screen passes
 * axe-core and the size floors (64 px targets on the kiosk and the display).
 */
class ShoppingIT {

    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString("operator:operator-demo".getBytes(StandardCharsets.UTF_8));
    private static final String CLERK = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));

    @Test
    void aResidentBrowsesAClerkOrdersTheResidentConsentsPaysPicksUpAndReturns() throws Exception {
        RequiredTool.require("zbarimg", "zbar-tools");
        PageChecks checks = new PageChecks();
        Path work = Files.createTempDirectory(Path.of("target"), "shopping-central-");
        HttpClient http = HttpClient.newHttpClient();
        try (StationProcess central = StationProcess.central(work).start();
             ScannerStation s = new ScannerStation("shopping", false, central)) {
            waitFor(() -> s.get("/api/shopping/catalog?size=1").matches("(?s).*\"total\":2\\d\\d.*"), "the catalog synced");

            // the API's contract
            String page = s.get("/api/shopping/catalog?category=GRAIN_OIL&q=dm&page=0&size=2");
            assertThat(page).contains("\"productId\":\"P0001\"", "\"groupId\":\"G001\"", "\"name\":\"东北大米 5kg\"", "\"priceFen\":3990",
                    "\"pictureUrl\":\"/catalog-pictures/", "\"stock\":");
            assertThat(page).matches("(?s).*\"total\":[2-9].*");
            HttpResponse<String> tooMany = post(http, s, "/api/shopping/orders", "{\"residentPhone\":\"13700001111\",\"lines\":[{\"productId\":\"P0078\","
                    + "\"quantity\":99}],\"delivery\":\"STATION\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
            assertThat(tooMany.statusCode()).isEqualTo(409);
            assertThat(tooMany.body()).contains("\"code\":\"OUT_OF_STOCK\"", "\"productId\":\"P0078\"");
            HttpResponse<String> zero = post(http, s, "/api/shopping/orders", "{\"residentPhone\":\"13700001111\",\"lines\":[{\"productId\":\"P0001\","
                    + "\"quantity\":0}],\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
            assertThat(zero.statusCode()).isEqualTo(400);
            HttpResponse<String> placed = post(http, s, "/api/shopping/orders", "{\"residentPhone\":\"13700001111\",\"lines\":[{\"productId\":\"P0054\","
                    + "\"quantity\":1}],\"delivery\":\"STATION\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
            assertThat(placed.statusCode()).isEqualTo(201);
            assertThat(placed.body()).contains("\"status\":\"RESERVED\"", "\"totalFen\":390", "\"discountFen\":0", "\"offer\":null", "\"reservedUntil\":");
            String apiOrder = placed.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> unconsented = post(http, s, "/api/shopping/orders/" + apiOrder + "/pay",
                    "{\"method\":\"CASH\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
            assertThat(unconsented.statusCode()).isEqualTo(409);
            assertThat(unconsented.body()).contains("CONSENT_REQUIRED");
            assertThat(post(http, s, "/api/shopping/orders/" + apiOrder + "/consent", "{\"how\":\"DISPLAY\"}").statusCode()).isEqualTo(400);
            assertThat(post(http, s, "/api/shopping/orders/" + apiOrder + "/consent", "{\"how\":\"SIGNED\"}").statusCode()).isEqualTo(200);

            // the resident browses alone at the kiosk and asks for help
            Page kiosk = s.kiosk();
            kiosk.locator("#tile-shop").click();
            kiosk.locator("#shop-category-GRAIN_OIL").waitFor();
            checks.check(kiosk, "kiosk-shop-categories", 24, 64);
            kiosk.locator("#shop-category-GRAIN_OIL").click();
            kiosk.locator("#shop-product-P0001").waitFor();
            waitFor(() -> (Boolean) kiosk.evaluate("() => [...document.querySelectorAll('.shop-picture')].every(i => i.complete && i.naturalWidth > 0)"),
                    "every card's picture shows");
            checks.check(kiosk, "kiosk-shop-products", 24, 64);
            kiosk.locator("#shop-next").click();
            kiosk.waitForCondition(() -> kiosk.locator("#shop-page").textContent().startsWith("第 2 /"));
            kiosk.locator("#shop-previous").click();
            kiosk.locator("#shop-product-P0001").click();
            kiosk.locator("#shop-variant-P0002").click();
            kiosk.waitForCondition(() -> kiosk.locator("#shop-product-price").textContent().equals("¥75.90"));
            checks.check(kiosk, "kiosk-shop-product", 24, 64);
            kiosk.locator("#shop-ask-clerk").click();
            kiosk.locator("#shop-request-number").waitFor();
            String number = kiosk.locator("#shop-request-number").textContent();
            checks.check(kiosk, "kiosk-shop-request", 24, 64);
            kiosk.locator("#shop-done").click();

            // another resident pays for soap alone at the kiosk with a payment code under the kiosk scanner
            kiosk.locator("#tile-shop").click();
            kiosk.locator("#shop-category-DAILY").click();
            kiosk.locator("#shop-back-categories").waitFor(); // the products page, not the categories' own pager
            for (int turn = 0; kiosk.locator("#shop-product-P0054").count() == 0 && turn < 10; turn++) {
                String before = kiosk.locator("#shop-page").textContent();
                kiosk.locator("#shop-next").click();
                kiosk.waitForCondition(() -> !kiosk.locator("#shop-page").textContent().equals(before));
            }
            kiosk.locator("#shop-product-P0054").click();
            kiosk.locator("#shop-pay-here").click();
            for (char c : "13812340000".toCharArray()) {
                kiosk.locator("#keypad-" + c).click();
            }
            kiosk.locator("#keypad-confirm").click();
            kiosk.locator("#pay-amount").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(10_000));
            assertThat(kiosk.locator("#pay-amount").textContent()).isEqualTo("¥3.90");
            checks.check(kiosk, "kiosk-shop-pay", 24, 64);
            s.scan(s.kioskScanner, "134567890123456700");
            kiosk.locator("#shop-check-code").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(15_000));
            assertThat(kiosk.locator("#shop-message").textContent()).contains("已付款");
            kiosk.locator("#shop-done").click();

            // the clerk takes the request: the product is in the cart; the resident's phone; 下单
            Page counter = s.counter();
            counter.locator("#take-request-" + number).click();
            counter.waitForURL("**/counter/shopping?product=P0002");
            counter.locator("#shop-cart").waitFor();
            counter.waitForCondition(() -> counter.locator("#shop-totals").textContent().contains("粮油九折"));
            counter.locator("#shop-phone input").fill("13912345678");
            counter.locator("#shop-name input").fill("王大伯");
            checks.check(counter, "counter-shopping", 14, 24);
            counter.locator("#shop-place").click();
            counter.waitForCondition(() -> counter.locator("#shop-result").textContent().contains("平台保留到"));
            String orderNo = counter.locator("#shop-result").textContent().replaceAll(".*订单 (\\S+) 已下单.*", "$1");

            // the resident reads it on the display by the counter, hears it, and confirms
            BrowserContext displayContext = s.browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800));
            Page display = displayContext.newPage();
            display.navigate(s.station.url("/display"));
            display.waitForCondition(() -> display.locator("#display-title").textContent().equals("您好，欢迎光临"));
            counter.locator("#shop-to-display").click();
            display.locator("#display-confirm").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(10_000));
            assertThat(display.locator("#display-total").textContent()).isEqualTo("一共 ¥68.31");
            checks.check(display, "display-order", 24, 64);
            display.locator("#display-confirm").click();
            display.waitForCondition(() -> display.locator("#display-title").textContent().startsWith("谢谢"));

            // cash at the counter; the receipt carries the QR for 我的订单
            counter.locator("#shop-pay-cash").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(10_000));
            counter.locator("#shop-tendered input").fill("100");
            counter.locator("#shop-pay-cash").click();
            counter.waitForCondition(() -> counter.locator("#shop-result").textContent().contains("已付款"));
            String receiptCode = s.decode("order-receipt");
            assertThat(receiptCode).startsWith("YZO:" + orderNo + ":");

            // central's operator ships it; the second time is refused
            String waybill = "YT" + String.format("%013d", System.nanoTime() % 10_000_000_000_000L);
            HttpResponse<String> ship = http.send(HttpRequest.newBuilder(URI.create(central.url("/api/central/orders/" + orderNo + "/ship")))
                    .header("Authorization", OPERATOR).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"courier\":\"YTO\",\"waybill\":\"" + waybill + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ship.statusCode()).isEqualTo(200);
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(central.url("/api/central/orders/" + orderNo + "/ship")))
                    .header("Authorization", OPERATOR).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"courier\":\"YTO\",\"waybill\":\"" + waybill + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("ALREADY_SHIPPED");
            String orderId = idOf(s, orderNo);
            waitFor(() -> s.get("/api/shopping/orders/" + orderId).contains("\"status\":\"SHIPPED\""), "the shipment reached the station");

            // the parcel arrives: scanned at check-in, recognised as the order's, its phone from the order
            counter.navigate(s.station.url("/counter/parcels/check-in"));
            counter.locator("#waybill input").waitFor();
            s.scan(s.counterScanner, waybill);
            counter.waitForCondition(() -> waybill.equals(counter.locator("#waybill input").inputValue()));
            counter.waitForCondition(() -> String.valueOf(counter.locator("#phone").evaluate("e => e.helperText")).contains(orderNo + "（王*伯）"));
            counter.locator("#check-in").click();
            counter.waitForCondition(() -> counter.locator("#last-code").textContent().matches("\\d-\\d-\\d{4}"));
            String code = counter.locator("#last-code").textContent();
            waitFor(() -> s.get("/api/shopping/orders/" + orderId).contains("\"status\":\"ARRIVED\""), "the order arrived");

            // the resident picks it up at the kiosk, then scans the receipt's QR at 我的订单
            kiosk.locator("#tile-pickup").click();
            kiosk.locator("#keypad-display").waitFor();
            for (char c : code.toCharArray()) {
                kiosk.locator("#keypad-" + (c == '-' ? "dash" : String.valueOf(c))).click();
            }
            kiosk.locator("#keypad-confirm").click();
            kiosk.locator(".pickup-place").first().waitFor();
            s.scan(s.kioskScanner, waybill);
            kiosk.locator("#pickup-done").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(10_000));
            waitFor(() -> s.get("/api/shopping/orders/" + orderId).contains("\"status\":\"RECEIVED\""), "the order received");
            kiosk.navigate(s.station.url("/kiosk"));
            kiosk.locator("#tile-orders").click();
            kiosk.locator("#keypad-display").waitFor();
            checks.check(kiosk, "kiosk-orders", 24, 64);
            s.scan(s.kioskScanner, receiptCode);
            kiosk.locator("#order-state-" + orderNo).waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(10_000));
            assertThat(kiosk.locator("#order-state-" + orderNo).textContent()).isEqualTo("您已经取走了");
            checks.check(kiosk, "kiosk-orders-shown", 24, 64);

            // a no-reason return of the unopened rice, approved by the rules and refunded in cash
            counter.navigate(s.station.url("/counter/shopping"));
            counter.locator("#shop-open").waitFor();
            counter.locator("#shop-open vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(orderNo))
                    .first().click();
            counter.locator("#shop-as-submit").waitFor();
            checks.check(counter, "counter-after-sales", 14, 24);
            counter.locator("#shop-as-submit").click();
            counter.waitForCondition(() -> counter.locator("#shop-result").textContent().startsWith("售后已同意"));
            assertThat(counter.locator("#shop-result").textContent()).contains("¥68.31");
            assertThat(s.get("/api/shopping/orders/" + orderId)).contains("\"status\":\"REFUNDED\"");
        }
    }

    private static String idOf(ScannerStation s, String orderNo) throws Exception {
        // the order's id from the open orders the station lists for staff
        String list = s.get("/api/shopping/orders?orderNo=" + orderNo);
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(list);
        assertThat(m.find()).as("order " + orderNo + " in " + list).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> post(HttpClient http, ScannerStation s, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.station.url(path))).header("Authorization", CLERK).header("Content-Type", "application/json")
                .header("X-Terminal", "counter-2").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited a minute for " + what);
    }

}

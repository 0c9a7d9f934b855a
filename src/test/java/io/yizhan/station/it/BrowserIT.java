package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.yizhan.station.support.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The station in a real Chromium: kiosk and counter screens as people use them, each checked with
 * axe-core (WCAG 2.2 A/AA; 64 px targets on the kiosk) and for text and control sizes, with
 * screenshots under {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    static final Path SHOTS = PageChecks.SHOTS;
    static final List<String> CHROMIUM_FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--autoplay-policy=no-user-gesture-required");

    static final int IDLE_SECONDS = 12;
    static final int COUNTDOWN_SECONDS = 5;

    StationProcess station;
    Playwright playwright;
    Browser browser;
    PageChecks checks;

    @BeforeAll
    void start() throws Exception {
        RequiredTool.require("chromium", "chromium");
        checks = new PageChecks();
        // a short idle time so the idle reset can be watched in the browser
        station = new StationProcess(Files.createTempDirectory(Path.of("target"), "browser-"),
                "--yizhan.kiosk.idle-seconds=" + IDLE_SECONDS, "--yizhan.kiosk.countdown-seconds=" + COUNTDOWN_SECONDS).start();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true).setArgs(CHROMIUM_FLAGS));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (station != null) {
            station.close();
        }
    }

    private Page kiosk() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1024).setLocale("en-US"));
        Page page = context.newPage();
        page.navigate(station.url("/"));
        page.locator("#tile-call-staff").waitFor();
        return page;
    }

    private Page counter(String user, String password) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page page = context.newPage();
        page.navigate(station.url("/login"));
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(password);
        page.locator("vaadin-button[slot=submit], button[type=submit]").first().click();
        page.waitForURL("**/counter");
        page.locator("#status-strip").waitFor();
        return page;
    }

    /** axe-core violations plus the size floor; both must be empty. */
    private void check(Page page, String name, int minText, int minTarget) {
        checks.check(page, name, minText, minTarget);
    }

    @Test
    @Order(1)
    void aDroppedLinkIsSaidInWordsInTheKiosksTypeSize() {
        Page page = kiosk();
        page.route("**/*", com.microsoft.playwright.Route::abort); // the link to the station drops
        Locator message = page.locator("vaadin-connection-indicator[reconnecting] .v-status-message");
        message.waitFor(new Locator.WaitForOptions().setTimeout(20_000)); // the kiosk's next poll fails
        assertThat(message.textContent()).contains("连接中断，正在重新连接");
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) page.evaluate("""
                () => { const m = document.querySelector('vaadin-connection-indicator .v-status-message');
                        const r = m.getBoundingClientRect();
                        return { size: parseFloat(getComputedStyle(m).fontSize), top: r.top, bottom: r.bottom, h: r.height,
                                 inner: m.scrollHeight }; }""");
        assertThat(((Number) box.get("size")).doubleValue()).as("the message's type").isGreaterThanOrEqualTo(24);
        assertThat(((Number) box.get("inner")).doubleValue()).as("nothing of it clipped")
                .isLessThanOrEqualTo(((Number) box.get("h")).doubleValue() + 1);
        page.screenshot(new Page.ScreenshotOptions().setPath(PageChecks.SHOTS.resolve("kiosk-connection-lost.png")));
        page.unroute("**/*");
        page.locator("vaadin-connection-indicator:not([reconnecting])").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED).setTimeout(30_000));
        assertThat(page.locator("vaadin-connection-indicator .v-status-message").textContent()).contains("又连上了");
        page.context().close();
    }

    @Test
    @Order(1)
    void kioskScreensAreBigClearAndAccessible() {
        Page page = kiosk();
        assertThat(page.locator("h1").textContent()).isEqualTo("您好！请点一下要办的事");
        assertThat(page.locator(".demo-badge").first().textContent()).isEqualTo("演示数据 DEMO");
        assertThat(page.evaluate("document.documentElement.lang")).isEqualTo("zh-Hans");
        check(page, "kiosk-home", 24, 64);

        page.locator("#kiosk-size-toggle").click();
        page.waitForCondition(() -> "字号：大".equals(page.locator("#kiosk-size-toggle").textContent()));
        page.locator("#kiosk-size-toggle").click();
        page.waitForCondition(() -> "字号：特大".equals(page.locator("#kiosk-size-toggle").textContent()));
        check(page, "kiosk-home-extra-large", 24, 64);
        page.locator("#kiosk-size-toggle").click();

        page.locator("#kiosk-language").click();
        page.locator("#lang-en").waitFor();
        check(page, "kiosk-language", 24, 64);
        page.locator("#lang-zh-hant").click();
        page.waitForCondition(() -> "您好！請點一下要辦的事".equals(page.locator("h1").textContent()));
        assertThat(page.evaluate("document.documentElement.lang")).isEqualTo("zh-Hant");
        check(page, "kiosk-home-traditional", 24, 64);
        page.context().close();
    }

    @Test
    @Order(2)
    void keypadRegistersEveryKeyOnTheSelfCheckScreen() {
        Page page = kiosk();
        page.navigate(station.url("/kiosk/self-check"));
        page.locator("#keypad-display").waitFor();
        for (String key : List.of("3", "dash", "2", "dash", "0", "2", "1", "7", "9", "backspace")) {
            page.locator("#keypad-" + key).click();
        }
        page.waitForCondition(() -> "3-2-0217".equals(page.locator("#keypad-display").textContent()));
        page.locator("#keypad-confirm").click();
        page.waitForCondition(() -> page.locator("#self-check-result").textContent().contains("3-2-0217"));
        Map<?, ?> key = (Map<?, ?>) page.evaluate("(() => { const r = document.getElementById('keypad-5').getBoundingClientRect(); return {w: r.width, h: r.height}; })()");
        assertThat(((Number) key.get("w")).doubleValue()).isGreaterThanOrEqualTo(80);
        assertThat(((Number) key.get("h")).doubleValue()).isGreaterThanOrEqualTo(80);
        check(page, "kiosk-self-check-keypad", 24, 64);
        page.context().close();
    }

    @Test
    @Order(2)
    void idleKioskCountsDownAndGoesHomeForgettingTheResidentsChoices() {
        Page page = kiosk();
        page.locator("#kiosk-language").click();
        page.locator("#lang-en").click();
        page.waitForCondition(() -> "Hello! Tap what you need".equals(page.locator("h1").textContent()));
        page.locator("#kiosk-language").click();
        page.locator("#lang-en").waitFor();
        page.locator("#kiosk-idle").waitFor(new Locator.WaitForOptions().setTimeout((IDLE_SECONDS + 5) * 1000.0));
        assertThat(page.locator("#kiosk-idle-text").textContent()).contains("Going back to the start in");
        assertThat(page.locator("#kiosk-stay").textContent()).isEqualTo("Keep going");
        check(page, "kiosk-idle-countdown", 24, 64);
        page.waitForCondition(() -> "您好！请点一下要办的事".equals(page.locator("h1").textContent()),
                new Page.WaitForConditionOptions().setTimeout((COUNTDOWN_SECONDS + 5) * 1000.0));
        page.waitForURL("**/kiosk", new Page.WaitForURLOptions().setTimeout(5_000));
        assertThat(page.locator("#kiosk-idle").isVisible()).isFalse();
        page.context().close();
    }

    @Test
    @Order(2)
    void aLostServerSessionSilentlyReloadsTheHomeScreen() {
        Page page = kiosk();
        page.locator("#kiosk-language").click();
        page.locator("#lang-en").waitFor();
        // the server no longer knows this session (as after a restart or a timeout)
        var session = page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow();
        page.context().addCookies(List.of(new com.microsoft.playwright.options.Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF")
                .setDomain(session.domain).setPath(session.path).setHttpOnly(true)));
        page.locator("#lang-en").click();
        page.waitForCondition(() -> page.url().endsWith("/kiosk") && page.locator("#tile-call-staff").count() == 1,
                new Page.WaitForConditionOptions().setTimeout(15_000));
        assertThat(page.locator("h1").textContent()).isEqualTo("您好！请点一下要办的事");
        assertThat(page.content()).doesNotContainIgnoringCase("session expired").doesNotContain("会话已过期");
        page.context().close();
    }

    @Test
    @Order(2)
    void voiceToggleFetchesSpokenPromptFromTheStation() {
        RequiredTool.require("espeak-ng", "espeak-ng");
        Page page = kiosk();
        page.locator("#kiosk-voice-toggle").click();
        page.waitForCondition(() -> {
            Object src = page.evaluate("document.getElementById('kiosk-voice').getAttribute('src')");
            return src != null && src.toString().startsWith("/voice/");
        });
        String src = page.evaluate("document.getElementById('kiosk-voice').getAttribute('src')").toString();
        var audio = page.request().get(station.url(src));
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.headers().get("content-type")).startsWith("audio/wav");
        assertThat(audio.body().length).isGreaterThan(10_000);
        assertThat(page.locator("#kiosk-repeat").isVisible()).isTrue();
        check(page, "kiosk-home-voice-on", 24, 64);
        page.context().close();
    }

    @Test
    @Order(3)
    void callStaffReachesEverySignedInCounterAtOnce() {
        Page counter = counter("manager", "manager-demo");
        check(counter, "counter-home", 14, 24);
        assertThat(counter.locator("#counter-terminal").textContent()).contains("counter-");

        Page kiosk = kiosk();
        kiosk.locator("#tile-call-staff").click();
        kiosk.locator("#call-staff-done").waitFor();
        assertThat(kiosk.locator("#kiosk-home").isVisible()).isTrue();
        assertThat(kiosk.locator("#kiosk-back").isVisible()).isTrue();
        check(kiosk, "kiosk-call-staff", 24, 64);

        Locator alert = counter.locator("vaadin-notification-card .staff-call-text, .staff-call-text").first();
        alert.waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        assertThat(alert.textContent()).contains("kiosk-1");
        counter.waitForCondition(() -> counter.locator("#open-calls").isVisible()
                && counter.locator("#open-calls").textContent().contains("kiosk-1"));
        counter.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("counter-staff-call.png")));
        counter.locator(".staff-call-answer").first().click();
        counter.waitForCondition(() -> counter.locator(".staff-call-text").count() == 0);
        counter.waitForCondition(() -> !counter.locator("#open-calls").isVisible());
        kiosk.context().close();
        counter.context().close();
    }

    @Test
    @Order(4)
    void managersSeeTheAuditLogAndTerminals() {
        Page page = counter("manager", "manager-demo");
        page.navigate(station.url("/counter/audit"));
        page.locator("#audit-grid").waitFor();
        page.waitForCondition(() -> page.locator("#audit-grid").textContent().contains("manager"));
        check(page, "counter-audit", 14, 24);
        page.navigate(station.url("/counter/terminals"));
        page.locator("#terminals-grid").waitFor();
        check(page, "counter-terminals", 14, 24);
        page.navigate(station.url("/counter/devices"));
        page.locator("#devices-grid").waitFor();
        page.waitForCondition(() -> page.locator("#devices-grid").textContent().contains("receipt-printer"));
        page.locator("#devices-grid vaadin-button:has-text('打印测试页')").first().click();
        page.waitForCondition(() -> {
            page.locator("#devices-refresh").click();
            return page.locator("#print-jobs-grid").textContent().contains("已打印");
        });
        page.locator("#virtual-scale-grams input").fill("2350");
        page.locator("#virtual-scale-set").click();
        page.waitForCondition(() -> page.locator("#scale-reading-counter-scale").textContent().contains("2.350"));
        check(page, "counter-devices", 14, 24);
        page.navigate(station.url("/counter/backups"));
        page.locator("#backup-now").click();
        page.waitForCondition(() -> page.locator("#backups-grid").textContent().contains("demo-station-"));
        check(page, "counter-backups", 14, 24);
        page.context().close();
    }

    @Test
    @Order(4)
    void aKeyboardModeScannerIsToldFromTypingAndAnUnusedScanIsShown() {
        Page page = counter("clerk", "clerk-demo");
        page.locator("h1").click();
        page.keyboard().type("SF1234567890123", new com.microsoft.playwright.Keyboard.TypeOptions().setDelay(5));
        page.keyboard().press("Enter");
        Locator notice = page.locator("vaadin-notification-card.scan-notice");
        notice.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
        assertThat(notice.textContent()).contains("SF1234567890123");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("counter-scan-notice.png")));
        page.waitForCondition(() -> page.locator("vaadin-notification-card.scan-notice").count() == 0,
                new Page.WaitForConditionOptions().setTimeout(10_000));

        page.keyboard().type("slow typing", new com.microsoft.playwright.Keyboard.TypeOptions().setDelay(120));
        page.keyboard().press("Enter");
        page.waitForTimeout(1500);
        assertThat(page.locator("vaadin-notification-card.scan-notice").count()).as("a person typing is not a scan").isZero();
        page.context().close();
    }

    @Test
    @Order(4)
    void aClerkChecksInAParcelWithTheScannerAndThePhone() {
        Page page = counter("clerk", "clerk-demo");
        page.navigate(station.url("/counter/parcels/check-in"));
        page.locator("#waybill input").waitFor();
        page.locator("#waybill input").click();
        page.keyboard().type("SF1234567890123", new com.microsoft.playwright.Keyboard.TypeOptions().setDelay(5));
        page.keyboard().press("Enter");
        page.waitForCondition(() -> "SF1234567890123".equals(page.locator("#waybill input").inputValue()));
        page.locator("#phone input").fill("13812345678");
        page.locator("#phone input").press("Enter");
        page.waitForCondition(() -> page.locator("#last-code").textContent().matches("\\d-\\d-\\d{4}"));
        assertThat(page.locator("#last-place").textContent()).contains("SF1234567890123");
        check(page, "counter-check-in", 14, 24);
        String code = page.locator("#last-code").textContent();

        page.navigate(station.url("/counter/parcels/handover"));
        page.locator("#handover-search input").fill(code);
        page.locator("#handover-search input").press("Enter");
        page.locator("#handover-results vaadin-button").first().waitFor();
        check(page, "counter-handover", 14, 24);
        page.locator("#handover-results vaadin-button").first().click();
        page.waitForCondition(() -> page.locator("#handover-results").textContent().contains("取走"));

        page.navigate(station.url("/counter/parcels/returns"));
        page.locator("#return-scan input").waitFor();
        check(page, "counter-returns", 14, 24);

        page.navigate(station.url("/counter/parcels/audit"));
        page.locator("#audit-scan input").fill("SF1234567890123");
        page.locator("#audit-scan input").press("Enter");
        page.locator("#audit-finish").click();
        page.waitForCondition(() -> page.locator(".counter-page").textContent().contains("对上"));
        check(page, "counter-shelf-audit", 14, 24);
        page.context().close();
    }

    @Test
    @Order(4)
    void aClerkSendsAParcelAndTheCourierCollectsIt() {
        Page page = counter("clerk", "clerk-demo");
        page.navigate(station.url("/counter/parcels/send"));
        page.locator("#sender-name input").fill("李大爷");
        page.locator("#sender-phone input").fill("13812345678");
        page.locator("#recipient-name input").fill("李小明");
        page.locator("#recipient-phone input").fill("13900001111");
        page.locator("#province input").fill("新疆");
        page.locator("vaadin-combo-box-item").first().waitFor();
        page.locator("#province input").press("Enter");
        page.locator("#address input").fill("乌鲁木齐市天山区解放北路 12 号");
        page.locator("#weight input").fill("2.3");
        page.locator("#weight input").press("Tab");
        page.waitForCondition(() -> page.locator("#quote").textContent().contains("55.00"));
        check(page, "counter-send", 14, 24);
        page.locator("#send-pay").click();
        page.waitForCondition(() -> page.locator("#last-waybill").textContent().startsWith("YZ"));
        String waybill = page.locator("#last-waybill").textContent();
        assertThat(page.locator("#recent-sent").textContent()).contains(waybill);

        page.navigate(station.url("/counter/parcels/collection"));
        page.locator("#collect-scan input").fill(waybill);
        page.locator("#collect-scan input").press("Enter");
        page.waitForCondition(() -> page.locator("#collect-batch").textContent().contains(waybill));
        check(page, "counter-collection", 14, 24);
        page.locator("#print-collection-lists").click();
        page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("1")).first().waitFor();
        page.context().close();
    }

    @Test
    @Order(4)
    void aResidentPicksUpAloneAtTheKiosk() throws Exception {
        String waybill = "JT" + String.format("%013d", System.nanoTime() % 10_000_000_000_000L);
        var http = java.net.http.HttpClient.newHttpClient();
        var created = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(station.url("/api/parcels/check-in")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes()))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"waybill\":\"" + waybill + "\",\"phone\":\"13712345678\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String code = created.body().replaceAll(".*\"pickupCode\":\"([^\"]+)\".*", "$1");

        Page page = kiosk();
        page.locator("#tile-pickup").click();
        page.locator("#keypad-display").waitFor();
        check(page, "kiosk-pickup-code", 24, 64);
        for (char c : code.toCharArray()) {
            page.locator("#keypad-" + (c == '-' ? "dash" : String.valueOf(c))).click();
        }
        page.waitForCondition(() -> code.equals(page.locator("#keypad-display").textContent()));
        page.locator("#keypad-confirm").click();
        page.locator(".pickup-place").first().waitFor();
        assertThat(page.locator(".pickup-place").first().textContent()).endsWith(code.substring(code.lastIndexOf('-') + 1));
        check(page, "kiosk-pickup-place", 24, 64);

        page.locator("h1").click();
        page.keyboard().type(waybill, new com.microsoft.playwright.Keyboard.TypeOptions().setDelay(5));
        page.keyboard().press("Enter");
        page.locator("#pickup-done").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        assertThat(page.locator("#pickup-done").textContent()).isEqualTo("取件成功");
        check(page, "kiosk-pickup-done", 24, 64);
        page.context().close();
    }

    @Test
    @Order(5)
    void clerksSeeNeitherAuditLogNorTerminals() {
        Page page = counter("clerk", "clerk-demo");
        String menu = page.locator("vaadin-side-nav").textContent();
        assertThat(menu).contains("工作台").contains("包裹入库").doesNotContain("审计日志").doesNotContain("终端配对").doesNotContain("员工账号");
        page.navigate(station.url("/counter/audit"));
        page.waitForTimeout(1500);
        assertThat(page.locator("#audit-grid").count()).isZero();
        page.context().close();
    }

    @Test
    @Order(6)
    void adminAddsAClerkAndFiveWrongPasswordsLockThemOutAtThatTerminal() {
        Page admin = counter("admin", "admin-demo");
        admin.navigate(station.url("/counter/staff"));
        admin.locator("#new-username input, input#new-username").first().waitFor();
        admin.locator("#new-username input").fill("xiaozhang");
        admin.locator("#new-display-name input").fill("小张");
        admin.locator("#new-password input").fill("zhang-2026!");
        admin.locator("#new-account").click();
        admin.waitForCondition(() -> admin.locator("#staff-grid").textContent().contains("xiaozhang"));
        check(admin, "counter-staff", 14, 24);
        admin.context().close();

        BrowserContext context = browser.newContext();
        Page page = context.newPage();
        for (int i = 0; i < 5; i++) {
            page.navigate(station.url("/login"));
            page.locator("input[name=username]").fill("xiaozhang");
            page.locator("input[name=password]").fill("wrong-" + i);
            page.locator("vaadin-button[slot=submit], button[type=submit]").first().click();
            page.waitForURL("**/login?error**");
        }
        page.locator("input[name=username]").fill("xiaozhang");
        page.locator("input[name=password]").fill("zhang-2026!");
        page.locator("vaadin-button[slot=submit], button[type=submit]").first().click();
        page.waitForURL("**/login?error**");
        page.locator("#login-locked").waitFor();
        assertThat(page.locator("#login-locked").textContent()).contains("已锁定");
        check(page, "login-locked", 14, 24);
        context.close();
    }
}

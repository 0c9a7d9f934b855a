package io.yizhan.station.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The real jar with the counter-1 and kiosk-1 scanners on serial ptys (socat), and Chromium through
 * Playwright: a clerk's counter browser and a resident's kiosk browser, paired as in demo mode.
 */
final class ScannerStation implements AutoCloseable {

    final PtyPair counterScanner;
    final PtyPair kioskScanner;
    final StationProcess station;
    final Playwright playwright;
    final Browser browser;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The counter scale on a pty (a Toledo scale), when asked for; else the demo's virtual scale. */
    final @org.jspecify.annotations.Nullable PtyPair scale;

    ScannerStation(String name) throws Exception {
        this(name, false);
    }

    ScannerStation(String name, boolean serialScale) throws Exception {
        this(name, serialScale, null);
    }

    /** With a running central it syncs with (pulling every second), when given. */
    ScannerStation(String name, boolean serialScale, @org.jspecify.annotations.Nullable StationProcess central) throws Exception {
        RequiredTool.require("chromium", "chromium");
        Path work = Files.createTempDirectory(Path.of("target"), name + "-").toAbsolutePath();
        counterScanner = new PtyPair(work.resolve("pty/counter-scanner"));
        kioskScanner = new PtyPair(work.resolve("pty/kiosk-scanner"));
        scale = serialScale ? new PtyPair(work.resolve("pty/counter-scale")) : null;
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--yizhan.devices.counter-scanner.transport=serial", "--yizhan.devices.counter-scanner.port=" + counterScanner.device(),
                "--yizhan.devices.kiosk-scanner.transport=serial", "--yizhan.devices.kiosk-scanner.port=" + kioskScanner.device()));
        if (central != null) {
            args.addAll(java.util.List.of("--yizhan.sync.central-url=http://127.0.0.1:" + central.port(), "--yizhan.sync.pull-every=1s"));
        }
        if (scale != null) {
            args.addAll(java.util.List.of("--yizhan.devices.counter-scale.transport=serial", "--yizhan.devices.counter-scale.port=" + scale.device()));
        }
        station = new StationProcess(work, args.toArray(String[]::new)).start();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true).setArgs(BrowserIT.CHROMIUM_FLAGS));
        waitForScannersOnline();
    }

    private void waitForScannersOnline() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            String devices = get("/api/devices");
            if (devices.matches("(?s).*\"name\":\"counter-scanner\"[^}]*\"state\":\"ONLINE\".*")
                    && devices.matches("(?s).*\"name\":\"kiosk-scanner\"[^}]*\"state\":\"ONLINE\".*")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the pty scanners did not come ONLINE:\n" + get("/api/devices"));
    }

    /** The first counter browser pairs itself with counter-1, whose scanner is {@link #counterScanner}. */
    Page counter() {
        return counter("clerk");
    }

    /** A counter browser signed in as a demo account ({@code clerk}, {@code manager}). */
    Page counter(String user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setAcceptDownloads(true));
        Page page = context.newPage();
        page.navigate(station.url("/login"));
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(user + "-demo");
        page.locator("vaadin-button[slot=submit], button[type=submit]").first().click();
        page.waitForURL("**/counter");
        page.locator("#status-strip").waitFor();
        return page;
    }

    /** The first kiosk browser pairs itself with kiosk-1, whose scanner is {@link #kioskScanner}. */
    Page kiosk() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1024));
        Page page = context.newPage();
        page.navigate(station.url("/"));
        page.locator("#tile-call-staff").waitFor();
        return page;
    }

    /** A barcode scanned as the hardware sends it: the code and a carriage return. */
    void scan(PtyPair scanner, String code) throws Exception {
        scanner.write((code + "\r").getBytes(StandardCharsets.US_ASCII));
    }

    /** A POST as the manager, the counter named counter-1; the answer's body. */
    String post(String path, String contentType, byte[] body) throws Exception {
        return http.send(request(path).header("Content-Type", contentType).header("X-Terminal", "counter-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    /** The barcode or QR code on the newest print job of a kind, read from its preview with zbarimg (as a scanner would). */
    String decode(String document) throws Exception {
        java.util.regex.Matcher job = java.util.regex.Pattern.compile("\\{[^}]*\"document\":\"" + document + "\"[^}]*}").matcher(get("/api/print-jobs"));
        if (!job.find()) {
            throw new AssertionError("no " + document + " print job");
        }
        Path png = Files.createTempFile(Path.of("target"), document + "-", ".png");
        Files.write(png, getBytes("/api/print-jobs/" + job.group().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1") + "/preview"));
        Process zbar = new ProcessBuilder("zbarimg", "--quiet", "--raw", png.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!zbar.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("zbarimg did not finish");
        }
        return text;
    }

    String get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    byte[] getBytes(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(station.url(path))).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("manager:manager-demo".getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() throws Exception {
        browser.close();
        playwright.close();
        station.close();
        counterScanner.close();
        kioskScanner.close();
        if (scale != null) {
            scale.close();
        }
    }
}

package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.yizhan.station.support.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The parcel flow on real parts: a serial scanner on a pty fills the check-in screen in
 * Chromium, the shelf label's PNG decodes with zbarimg to the pickup code and waybill, and a
 * resident picks the parcel up at the kiosk with the keypad and a scan on the kiosk's pty scanner.
 */
class ParcelScanIT {

    @Test
    void aScannedParcelIsCheckedInLabelledAndPickedUpAtTheKiosk() throws Exception {
        RequiredTool.require("zbarimg", "zbar-tools");
        String waybill = "YT" + String.format("%013d", System.nanoTime() % 10_000_000_000_000L);
        try (ScannerStation s = new ScannerStation("parcel-scan")) {
            Page counter = s.counter();
            counter.navigate(s.station.url("/counter/parcels/check-in"));
            counter.locator("#waybill input").waitFor();
            s.scan(s.counterScanner, waybill);
            counter.waitForCondition(() -> waybill.equals(counter.locator("#waybill input").inputValue()));
            counter.waitForCondition(() -> (Boolean) counter.evaluate("() => document.activeElement?.closest('#phone') != null"));
            counter.keyboard().type("13812345678");
            counter.keyboard().press("Enter");
            counter.waitForCondition(() -> counter.locator("#last-code").textContent().matches("\\d-\\d-\\d{4}"));
            String code = counter.locator("#last-code").textContent();
            assertThat(counter.locator("#last-place").textContent()).contains(waybill, "YTO");

            // the shelf label, as printed, carries a QR code of the pickup code and the waybill
            Matcher job = Pattern.compile("\\{[^}]*\"document\":\"shelf-label\"[^}]*}").matcher(s.get("/api/print-jobs"));
            assertThat(job.find()).as("a shelf-label job").isTrue();
            String jobId = job.group().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            Path png = Files.createTempFile(Path.of("target"), "shelf-label-", ".png");
            Files.write(png, s.getBytes("/api/print-jobs/" + jobId + "/preview"));
            Process zbar = new ProcessBuilder("zbarimg", "--quiet", "--raw", png.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String decoded = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(zbar.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(decoded).isEqualTo(code + " " + waybill);

            // the resident: code on the keypad, the place shown, the parcel scanned on the way out
            Page kiosk = s.kiosk();
            kiosk.locator("#tile-pickup").click();
            kiosk.locator("#keypad-display").waitFor();
            for (char c : code.toCharArray()) {
                kiosk.locator("#keypad-" + (c == '-' ? "dash" : String.valueOf(c))).click();
            }
            kiosk.locator("#keypad-confirm").click();
            kiosk.locator(".pickup-place").first().waitFor();
            assertThat(kiosk.locator(".pickup-place").first().textContent()).endsWith(code.substring(code.lastIndexOf('-') + 1));
            s.scan(s.kioskScanner, waybill);
            kiosk.locator("#pickup-done").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            assertThat(kiosk.locator("#pickup-done").textContent()).isEqualTo("取件成功");
            assertThat(s.get("/api/parcels?waybill=" + waybill)).contains("\"status\":\"PICKED_UP\"");
        }
    }
}

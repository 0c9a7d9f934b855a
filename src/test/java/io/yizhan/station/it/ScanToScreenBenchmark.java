package io.yizhan.station.it;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scan on a pty → the waybill visible on the check-in screen in Chromium, on the real jar. Not part
 * of the test run; see the README for the command. The browser notes the moment (epoch ms) the
 * field shows the code; the scan's moment is taken just before its bytes are written to the pty.
 */
class ScanToScreenBenchmark {

    private static final int SCANS = 200;

    @Test
    void scanToScreen() throws Exception {
        try (ScannerStation s = new ScannerStation("scan-bench")) {
            Page page = s.counter();
            page.navigate(s.station.url("/counter/parcels/check-in"));
            page.locator("#waybill input").waitFor();
            List<Long> micros = new ArrayList<>();
            long cpu = io.yizhan.station.support.BenchmarkFloor.processCpuNanos(s.station.pid());
            for (int i = 0; i < SCANS + 20; i++) {
                String code = "SF" + String.format("%013d", 1_000_000_000_000L + i);
                page.evaluate("""
                        code => {
                          window.__seenAt = 0;
                          const input = document.querySelector('#waybill input');
                          const poll = () => {
                            if (input.value === code) { window.__seenAt = performance.timeOrigin + performance.now(); }
                            else { setTimeout(poll, 1); }
                          };
                          poll();
                        }""", code);
                java.time.Instant now = java.time.Instant.now();
                double sent = now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
                s.scan(s.counterScanner, code);
                page.waitForCondition(() -> ((Number) page.evaluate("() => window.__seenAt")).doubleValue() > 0);
                double seen = ((Number) page.evaluate("() => window.__seenAt")).doubleValue();
                if (i >= 20) {
                    micros.add(Math.round((seen - sent) * 1000));
                }
                page.waitForTimeout(50);
            }
            micros.sort(null);
            System.out.println(io.yizhan.station.support.BenchmarkFloor.describe(s.station.dataDir()));
            System.out.printf("scan → check-in screen, %d scans: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; station CPU %.2f ms per scan"
                    + " (with the screen's push)%n", SCANS, micros.get(SCANS / 2) / 1000.0, micros.get(SCANS * 95 / 100) / 1000.0,
                    micros.get(SCANS * 99 / 100) / 1000.0, micros.getLast() / 1000.0,
                    (io.yizhan.station.support.BenchmarkFloor.processCpuNanos(s.station.pid()) - cpu) / 1e6 / (SCANS + 20));
        }
    }
}

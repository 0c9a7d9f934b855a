package io.yizhan.station.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.station.devices.internal.ToledoDecoder;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.PtyPair;
import io.yizhan.station.support.StationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/** Serial scanner and scale through real pseudo-terminals: scans, unplug, replug, weights. */
@StationTest
@Import(SerialDevicesTest.Scans.class)
class SerialDevicesTest {

    @TestConfiguration
    static class Scans {
        final List<ScanReceived> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ScanReceived scan) {
            received.add(scan);
        }

        public List<ScanReceived> received() {
            return received;
        }
    }

    @Autowired
    Scans scans;
    @Autowired
    Devices devices;
    @Autowired
    DevicesProperties devicesProperties;

    /** Each test context has its own pty paths, so contexts kept alive side by side never share a port. */
    private Path port(String device) {
        return Path.of(devicesProperties.devices().get(device).port());
    }
    @Autowired
    Scales scales;
    @Autowired
    MutableClock clock;

    private DeviceState state(String device) {
        return devices.health(device).orElseThrow().state();
    }

    private List<String> codes() {
        return scans.received().stream().filter(s -> s.device().equals("test-serial-scanner")).map(ScanReceived::code).toList();
    }

    @Test
    void aSerialScannerScansGoesOfflineWhenUnpluggedAndComesBack() throws Exception {
        Path port = port("test-serial-scanner");
        try (PtyPair scanner = new PtyPair(port)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> state("test-serial-scanner") == DeviceState.ONLINE);
            scanner.write("SF1234567890123\r".getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(3)).until(() -> codes().contains("SF1234567890123"));
            ScanReceived first = scans.received().stream().filter(s -> s.code().equals("SF1234567890123")).findFirst().orElseThrow();
            assertThat(first.terminal()).isEqualTo("counter-2");
            assertThat(first.symbology()).isEqualTo("CODE-128");

            scanner.write("SF1234567890123\r".getBytes(StandardCharsets.US_ASCII)); // a repeat inside the window
            scanner.write(new byte[] {1, 2, (byte) 0xFF, '\r'});                    // garbage
            scanner.write("JT00012".getBytes(StandardCharsets.US_ASCII));           // a frame in two reads
            Thread.sleep(50);
            scanner.write("34567890\r".getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(3)).until(() -> codes().contains("JT0001234567890"));
            assertThat(codes().stream().filter("SF1234567890123"::equals).count()).as("one scan, not two").isEqualTo(1);
        }
        long unplugged = System.nanoTime();
        await().atMost(Duration.ofSeconds(3)).until(() -> state("test-serial-scanner") != DeviceState.ONLINE);
        System.out.printf("unplug → %s in %d ms%n", state("test-serial-scanner"), (System.nanoTime() - unplugged) / 1_000_000);

        try (PtyPair scanner = new PtyPair(port)) {
            long replugged = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).until(() -> state("test-serial-scanner") == DeviceState.ONLINE);
            System.out.printf("replug → ONLINE in %d ms%n", (System.nanoTime() - replugged) / 1_000_000);
            clock.advance(Duration.ofSeconds(5));
            scanner.write("6901234567892\r".getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(3)).until(() -> codes().contains("6901234567892"));

            devices.reconnect("test-serial-scanner"); // staff pressed reconnect: reopened at once, still scanning
            await().atMost(Duration.ofSeconds(3)).until(() -> state("test-serial-scanner") == DeviceState.ONLINE);
            Thread.sleep(300);
            scanner.write("JT0009876543210\r".getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(3)).until(() -> codes().contains("JT0009876543210"));
        }
    }

    @Autowired
    PrintQueue queue;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aSerialReceiptPrinterGetsItsJobWhenPluggedIn() throws Exception {
        UUID job = queue.print("test-serial-printer", PrintDocument.builder("receipt").center().large("取件成功").build());
        await().atMost(Duration.ofSeconds(5)).until(() -> clock(() -> queue.recent(500).stream()
                .anyMatch(j -> j.id().equals(job) && j.attempts() > 0)));
        // hold the retry back until the printer is plugged in and the test listens to it
        jdbc.sql("UPDATE devices_print_job SET next_attempt_at = ? WHERE id = ?")
                .params(java.time.OffsetDateTime.now().plusYears(1), job).update();
        try (PtyPair printer = new PtyPair(port("test-serial-printer"))) {
            PtyPair.Capture paper = printer.capture();
            devices.reconnect("test-serial-printer"); // staff: "try the printer now"
            byte[] received = paper.untilQuiet(Duration.ofMillis(700), Duration.ofSeconds(15));
            assertThat(io.yizhan.station.support.EscPosTranscript.of(received, java.nio.charset.Charset.forName("GB18030")))
                    .as("job state " + queue.recent(500).stream().filter(j -> j.id().equals(job)).findFirst())
                    .contains("ALIGN CENTER", "SIZE 2x2", "TEXT 取件成功", "CUT");
            await().atMost(Duration.ofSeconds(5)).until(() -> queue.recent(500).stream()
                    .anyMatch(j -> j.id().equals(job) && j.state() == PrintJob.State.PRINTED));
        }
    }

    /** Retries wait on the test clock: let it move while waiting. */
    private boolean clock(java.util.function.BooleanSupplier condition) {
        clock.advance(Duration.ofSeconds(1));
        return condition.getAsBoolean();
    }

    @Test
    void aToledoScaleGivesAStableWeightOnlyOnceTheLoadSettles() throws Exception {
        try (PtyPair scale = new PtyPair(port("test-serial-scale"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> state("test-serial-scale") == DeviceState.ONLINE);
            scale.write(ToledoDecoder.frame(1190, false, true, true));
            scale.write(ToledoDecoder.frame(1236, false, true, true));
            await().atMost(Duration.ofSeconds(3)).until(() -> scales.current("test-serial-scale").map(Weight::grams).orElse(0L) == 1236);
            assertThat(scales.stable("test-serial-scale")).as("still moving").isEmpty();
            byte[] settled = ToledoDecoder.frame(1236, false, false, true);
            scale.write(settled);
            scale.write(settled);
            await().atMost(Duration.ofSeconds(3)).until(() -> !scales.current("test-serial-scale").orElseThrow().moving());
            assertThat(scales.stable("test-serial-scale")).as("not settled long enough yet").isEmpty();
            clock.advance(Duration.ofMillis(700));
            scale.write(settled);
            await().atMost(Duration.ofSeconds(3)).until(() -> scales.stable("test-serial-scale").isPresent());
            assertThat(scales.stable("test-serial-scale").orElseThrow().grams()).isEqualTo(1236);
        }
    }
}

package io.yizhan.station.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.support.EscPosPrinterSimulator;
import io.yizhan.station.support.StationTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@StationTest
class PrintQueueTest {

    static final int PORT = 19187;

    @Autowired
    PrintQueue queue;
    @Autowired
    Devices devices;
    @Autowired
    StationProperties station;
    @Autowired
    io.yizhan.station.support.MutableClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Jobs other tests left for the loopback printer would hold this test's jobs back (order is kept). */
    @org.junit.jupiter.api.BeforeEach
    void emptyLoopbackQueue() {
        jdbc.sql("UPDATE devices_print_job SET state = 'CANCELLED' WHERE device = 'test-tcp-printer' AND state = 'QUEUED'").update();
    }

    /** Retries wait on the (test) clock: let time pass while waiting. */
    private boolean later(java.util.function.BooleanSupplier condition) {
        clock.advance(Duration.ofSeconds(1));
        return condition.getAsBoolean();
    }

    private PrintJob job(UUID id) {
        return queue.recent(500).stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aVirtualPrinterSpoolsTheBytesAndThePreviewIsThere() throws Exception {
        UUID id = queue.testPrint("receipt-printer");
        await().atMost(Duration.ofSeconds(10)).until(() -> job(id).state() == PrintJob.State.PRINTED);
        var spool = station.dataDir().resolve("spool/receipt-printer");
        assertThat(Files.readAllBytes(spool.resolve(id + ".bin"))).startsWith(0x1B, '@');
        assertThat(queue.preview(id)).get().satisfies(png -> assertThat(png).startsWith(0x89, 'P', 'N', 'G'));
        assertThat(devices.health("receipt-printer")).get().extracting(DeviceHealth::state).isEqualTo(DeviceState.ONLINE);
    }

    @Test
    void queueingAJobNeitherEncodesNorRendersItThePreviewIsRenderedWhenAsked() throws Exception {
        UUID id = queue.print("test-tcp-printer", PrintDocument.builder("shelf-label").center().huge("1-2-0003")
                .qr("1-2-0003 SF1234567890123", 12).text("SF SF1234567890123").build());
        record Stored(byte[] payload, byte[] preview) {
        }
        Stored stored = jdbc.sql("SELECT payload, preview FROM devices_print_job WHERE id = ?").param(id)
                .query((rs, i) -> new Stored(rs.getBytes(1), rs.getBytes(2))).single();
        assertThat(stored.payload()).as("encoded only when printed").isNull();
        assertThat(stored.preview()).as("rendered only when asked").isNull();
        assertThat(queue.preview(id)).get().satisfies(png -> assertThat(png).startsWith(0x89, 'P', 'N', 'G'));
        assertThat(jdbc.sql("SELECT preview FROM devices_print_job WHERE id = ?").param(id).query(byte[].class).single())
                .as("kept once rendered").isNotNull();
        queue.cancel(id);
    }

    @Test
    void aJobWaitsForAPrinterThatIsOffAndPrintsWhenItComesBackInOrder() throws Exception {
        UUID first = queue.print("test-tcp-printer", PrintDocument.builder("receipt").text("第一张").build());
        UUID second = queue.print("test-tcp-printer", PrintDocument.builder("receipt").text("第二张").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> job(first).attempts() >= 1);
        assertThat(job(first).state()).isEqualTo(PrintJob.State.QUEUED);
        assertThat(job(first).lastError().render(java.util.Locale.ENGLISH)).contains("Cannot reach 127.0.0.1:" + PORT);
        assertThat(devices.health("test-tcp-printer")).get().extracting(DeviceHealth::state).isEqualTo(DeviceState.OFFLINE);

        try (EscPosPrinterSimulator printer = new EscPosPrinterSimulator(PORT)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> later(() -> job(second).state() == PrintJob.State.PRINTED));
            assertThat(job(first).state()).isEqualTo(PrintJob.State.PRINTED);
            assertThat(printer.jobs()).hasSize(2);
            java.nio.charset.Charset gb = java.nio.charset.Charset.forName("GB18030");
            assertThat(io.yizhan.station.support.EscPosTranscript.of(printer.jobs().get(0), gb)).containsExactly(
                    "INIT", "CHINESE", "ALIGN LEFT", "BOLD OFF", "SIZE 1x1", "TEXT 第一张", "SIZE 1x1", "BOLD OFF", "ALIGN LEFT", "CUT");
            assertThat(io.yizhan.station.support.EscPosTranscript.of(printer.jobs().get(1), gb)).contains("TEXT 第二张");
            assertThat(devices.health("test-tcp-printer")).get().extracting(DeviceHealth::state).isEqualTo(DeviceState.ONLINE);

            printer.paperOut(true);
            UUID third = queue.print("test-tcp-printer", PrintDocument.builder("receipt").text("第三张").build());
            await().atMost(Duration.ofSeconds(10)).until(() -> job(third).attempts() >= 1);
            assertThat(job(third).state()).isEqualTo(PrintJob.State.QUEUED);
            assertThat(job(third).lastError().render(io.yizhan.station.shared.Translations.SIMPLIFIED)).isEqualTo("缺纸");
            assertThat(devices.health("test-tcp-printer")).get().extracting(DeviceHealth::state).isEqualTo(DeviceState.ERROR);
            assertThat(printer.jobs()).as("nothing sent into a printer without paper").hasSize(2);

            printer.paperOut(false);
            await().atMost(Duration.ofSeconds(15)).until(() -> later(() -> job(third).state() == PrintJob.State.PRINTED));
            assertThat(printer.jobs()).hasSize(3);
        }
    }

    @Test
    void aTestPageReadsBackAsTextBarcodeQrAndCut() {
        {
            PrintDocument page = PrintDocument.builder("receipt").center().huge("3-2-0217").barcode("SF1234567890123", 10)
                    .qr("3-2-0217 SF1234567890123", 20).feed(2).build();
            byte[] bytes = new io.yizhan.station.devices.internal.EscPosEncoder(java.nio.charset.Charset.forName("GB18030"))
                    .encode(page, Paper.receipt(576, 203));
            assertThat(io.yizhan.station.support.EscPosTranscript.of(bytes, java.nio.charset.Charset.forName("GB18030")))
                    .containsExactly("INIT", "CHINESE", "ALIGN CENTER", "BOLD ON", "SIZE 3x3", "TEXT 3-2-0217", "SIZE 1x1",
                            "BOLD OFF", "ALIGN CENTER", "BARCODE SF1234567890123", "ALIGN CENTER", "QR 3-2-0217 SF1234567890123",
                            "FEED 2", "ALIGN LEFT", "CUT");
            // the simulator's picture of the paper: its barcode and QR read back
            byte[] png = io.yizhan.station.support.EscPosTranscript.png(
                    io.yizhan.station.support.EscPosTranscript.of(bytes, java.nio.charset.Charset.forName("GB18030")),
                    Paper.receipt(576, 203));
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/rendered"));
                java.nio.file.Files.write(java.nio.file.Path.of("target/rendered/simulator-receipt.png"), png);
                var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
                var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                        new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
                var found = java.util.Arrays.stream(new com.google.zxing.multi.GenericMultipleBarcodeReader(new com.google.zxing.MultiFormatReader())
                        .decodeMultiple(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)))
                        .map(com.google.zxing.Result::getText).toList();
                assertThat(found).contains("SF1234567890123", "3-2-0217 SF1234567890123");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void staffCanCancelAWaitingJobAndReprintAnyJob() {
        UUID waiting = queue.print("test-tcp-printer", PrintDocument.builder("receipt").text("取消我").build());
        assertThat(queue.cancel(waiting)).isTrue();
        assertThat(job(waiting).state()).isEqualTo(PrintJob.State.CANCELLED);
        assertThat(queue.cancel(waiting)).isFalse();
        UUID copy = queue.reprint(waiting);
        assertThat(job(copy).state()).isEqualTo(PrintJob.State.QUEUED);
        assertThat(queue.cancel(copy)).isTrue();
    }
}

package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.devices.internal.ToledoDecoder;
import io.yizhan.station.support.PtyPair;
import io.yizhan.station.support.RequiredTool;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "done when", on the real jar: a pty scanner, a TCP ZPL label printer and a pty
 * Toledo scale configured on the command line show ONLINE, react to unplug and replug, the test
 * label's barcode decodes, and the scale gives a stable weight.
 */
class HardwareIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private String get(StationProcess station, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(station.url(path))).header("Authorization", auth()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String auth() {
        return "Basic " + Base64.getEncoder().encodeToString("manager:manager-demo".getBytes(StandardCharsets.UTF_8));
    }

    private static void until(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String state(String devicesJson, String device) {
        Matcher m = Pattern.compile("\"name\":\"" + device + "\"[^}]*\"state\":\"(\\w+)\"").matcher(devicesJson);
        return m.find() ? m.group(1) : "?";
    }

    @Test
    void scannerPrinterAndScaleOnRealPortsAndSockets() throws Exception {
        RequiredTool.require("zbarimg", "zbar-tools");
        Path work = Files.createTempDirectory(Path.of("target"), "hardware-").toAbsolutePath();
        Path scannerPort = work.resolve("pty/scanner");
        Path scalePort = work.resolve("pty/scale");
        List<byte[]> labels = new CopyOnWriteArrayList<>();
        try (ServerSocket zpl = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             PtyPair scanner = new PtyPair(scannerPort);
             PtyPair scale = new PtyPair(scalePort)) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!zpl.isClosed()) {
                    try (Socket s = zpl.accept(); InputStream in = s.getInputStream()) {
                        ByteArrayOutputStream job = new ByteArrayOutputStream();
                        in.transferTo(job);
                        if (job.size() > 0) {
                            labels.add(job.toByteArray());
                        }
                    } catch (Exception closed) {
                        // next
                    }
                }
            });
            try (StationProcess station = new StationProcess(work,
                    "--yizhan.devices.counter-scanner.transport=serial", "--yizhan.devices.counter-scanner.port=" + scannerPort,
                    "--yizhan.devices.label-printer.profile=generic-zpl-203dpi-40x30",
                    "--yizhan.devices.label-printer.transport=tcp", "--yizhan.devices.label-printer.host=127.0.0.1",
                    "--yizhan.devices.label-printer.tcp-port=" + zpl.getLocalPort(),
                    "--yizhan.devices.counter-scale.transport=serial", "--yizhan.devices.counter-scale.port=" + scalePort).start()) {

                until(Duration.ofSeconds(10), () -> {
                    try {
                        String d = get(station, "/api/devices");
                        return state(d, "counter-scanner").equals("ONLINE") && state(d, "label-printer").equals("ONLINE")
                                && state(d, "counter-scale").equals("ONLINE");
                    } catch (Exception e) {
                        return false;
                    }
                }, "scanner, printer and scale ONLINE");

                // a scan arrives
                scanner.write("SF1234567890123\r".getBytes(StandardCharsets.US_ASCII));
                until(Duration.ofSeconds(3), () -> {
                    try {
                        return Pattern.compile("\"name\":\"counter-scanner\"[^}]*\"lastEventAt\":\"20").matcher(get(station, "/api/devices")).find();
                    } catch (Exception e) {
                        return false;
                    }
                }, "the scan reached the station");

                // a test label prints on the ZPL printer and its barcode decodes
                HttpResponse<String> queued = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/devices/label-printer/test-print")))
                        .header("Authorization", auth()).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(queued.statusCode()).isEqualTo(202);
                String jobId = queued.body().replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
                until(Duration.ofSeconds(10), () -> labels.size() == 1, "the label reached the printer");
                String zplText = new String(labels.getFirst(), StandardCharsets.UTF_8);
                assertThat(zplText).startsWith("^XA^CI28").contains("^BCN,64,Y,N,N,A^FD1234567890128^FS").endsWith("^XZ");
                byte[] png = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/print-jobs/" + jobId + "/preview")))
                        .header("Authorization", auth()).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                Path file = work.resolve("test-label.png");
                Files.write(file, png);
                Process zbar = new ProcessBuilder("zbarimg", "--quiet", "--raw", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                assertThat(new String(zbar.getInputStream().readAllBytes()).strip()).isEqualTo("1234567890128");

                // the scale settles on a stable weight
                for (int i = 0; i < 10; i++) {
                    scale.write(ToledoDecoder.frame(2350, false, false, true));
                    Thread.sleep(100);
                }
                until(Duration.ofSeconds(5), () -> {
                    try {
                        return get(station, "/api/scales/counter-scale/weight").contains("\"stable\":true");
                    } catch (Exception e) {
                        return false;
                    }
                }, "a stable weight");
                assertThat(get(station, "/api/scales/counter-scale/weight")).contains("\"grams\":2350");

                // unplug the scanner: OFFLINE within 3 s; plug it back: ONLINE within 5 s
                scanner.close();
                Instant unplugged = Instant.now();
                until(Duration.ofSeconds(3), () -> {
                    try {
                        return !state(get(station, "/api/devices"), "counter-scanner").equals("ONLINE");
                    } catch (Exception e) {
                        return false;
                    }
                }, "scanner not ONLINE after unplug");
                System.out.println("unplug noticed in " + Duration.between(unplugged, Instant.now()).toMillis() + " ms");
                try (PtyPair again = new PtyPair(scannerPort)) {
                    Instant replugged = Instant.now();
                    until(Duration.ofSeconds(5), () -> {
                        try {
                            return state(get(station, "/api/devices"), "counter-scanner").equals("ONLINE");
                        } catch (Exception e) {
                            return false;
                        }
                    }, "scanner ONLINE after replug");
                    System.out.println("replug noticed in " + Duration.between(replugged, Instant.now()).toMillis() + " ms");
                }
                assertThat(get(station, "/actuator/health")).contains("\"status\":\"UP\"").contains("\"devices\"");
            }
        }
    }
}

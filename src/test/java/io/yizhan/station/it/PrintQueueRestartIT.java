package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** A job queued for a printer that is off survives a restart of the station and prints when the printer is back. */
class PrintQueueRestartIT {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newHttpClient();

    private String jobs(StationProcess station) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(station.url("/api/print-jobs"))).header("Authorization", AUTH).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aPendingJobPrintsAfterARestart() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "queue-restart-").toAbsolutePath();
        int printerPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            printerPort = probe.getLocalPort();
        }
        String[] args = {"--yizhan.devices.label-printer.profile=generic-zpl-203dpi-40x30",
                "--yizhan.devices.label-printer.transport=tcp", "--yizhan.devices.label-printer.host=127.0.0.1",
                "--yizhan.devices.label-printer.tcp-port=" + printerPort};
        String jobId;
        try (StationProcess station = new StationProcess(work, args).start()) {
            HttpResponse<String> queued = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/devices/label-printer/test-print")))
                    .header("Authorization", AUTH).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(queued.statusCode()).isEqualTo(202);
            jobId = queued.body().replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (!jobs(station).matches("(?s).*\"id\":\"" + jobId + "\"[^}]*\"attempts\":[1-9].*")
                    && !jobs(station).matches("(?s).*\"attempts\":[1-9][^}]*\"id\":\"" + jobId + "\".*")) {
                assertThat(Instant.now()).as("the station tried the printer").isBefore(deadline);
                Thread.sleep(200);
            }
            assertThat(jobs(station)).contains("QUEUED");
        }

        List<byte[]> printed = new CopyOnWriteArrayList<>();
        try (ServerSocket printer = new ServerSocket(printerPort, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!printer.isClosed()) {
                    try (Socket s = printer.accept(); InputStream in = s.getInputStream()) {
                        ByteArrayOutputStream job = new ByteArrayOutputStream();
                        in.transferTo(job);
                        if (job.size() > 0) {
                            printed.add(job.toByteArray());
                        }
                    } catch (Exception closed) {
                        // next
                    }
                }
            });
            try (StationProcess station = new StationProcess(work, args).start()) {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
                while (printed.isEmpty()) {
                    assertThat(Instant.now()).as("the pending job printed after the restart").isBefore(deadline);
                    Thread.sleep(200);
                }
                assertThat(new String(printed.getFirst(), StandardCharsets.UTF_8)).startsWith("^XA").endsWith("^XZ");
                Thread.sleep(500);
                assertThat(jobs(station)).contains(jobId).contains("PRINTED");
                assertThat(printed).as("printed once").hasSize(1);
            }
        }
    }
}

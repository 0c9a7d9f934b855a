package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Central in live mode: no operator password, no start; with it, no demo station and no demo password. */
class CentralLiveModeIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private int status(String url, String user, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void liveCentralNeedsTheOperatorPasswordAndKnowsOnlyRegisteredStations() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "central-live-");
        try (StationProcess refused = StationProcess.central(work.resolve("refused"), "--yizhan.central.demo=false")) {
            Process p = refused.launch();
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("central stops by itself").isTrue();
            assertThat(p.exitValue()).isNotZero();
            assertThat(Files.readString(work.resolve("refused/station.log"))).contains("YIZHAN_CENTRAL_OPERATOR_PASSWORD");
        }
        try (StationProcess central = StationProcess.central(work.resolve("live"), "--yizhan.central.demo=false",
                "--yizhan.central.stations.dongguan-007.key=a-long-random-station-key")
                .env("YIZHAN_CENTRAL_OPERATOR_PASSWORD", "a-long-operator-secret").start()) {
            String summary = central.url("/api/central/stations/dongguan-007/summary");
            assertThat(status(summary, "operator", "a-long-operator-secret")).isEqualTo(200);
            assertThat(status(summary, "operator", "operator-demo")).as("no demo password").isEqualTo(401);
            assertThat(status(central.url("/api/central/stations/demo-station-001/summary"), "operator", "a-long-operator-secret"))
                    .as("no demo station").isEqualTo(404);
            assertThat(status(central.url("/api/sync/feeds/manifests"), "dongguan-007", "a-long-random-station-key")).isEqualTo(200);
            assertThat(status(central.url("/api/sync/feeds/manifests"), "demo-station-001", "demo-station-key")).isEqualTo(401);
        }
    }
}

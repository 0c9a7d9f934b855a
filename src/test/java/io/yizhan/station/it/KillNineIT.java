package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.shared.StationEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a running station loses nothing it acknowledged. Every failed sign-in is
 * written to the audit log before the 401 goes out; clients hammer the API, the station is killed
 * mid-burst, and every attempt a client saw answered must be in the database afterwards.
 */
class KillNineIT {

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "kill9-");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try (StationProcess station = new StationProcess(work).start()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String user = "ghost" + client + "x" + i;
                        String auth = Base64.getEncoder().encodeToString((user + ":nope").getBytes(StandardCharsets.UTF_8));
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(station.url("/api/x")))
                                    .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(5)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 401) {
                                acknowledged.add(user);
                            }
                        } catch (Exception killed) {
                            return;
                        }
                    }
                }));
            }
            Thread.sleep(2500);
            station.killHard();
            stop.set(true);
            for (Thread t : clients) {
                t.join(10_000);
            }
        }
        assertThat(acknowledged).as("the burst reached the station").hasSizeGreaterThan(20);

        String url = StationEnvironment.h2Url(work.resolve("data").toString(), true);
        Set<String> stored = new HashSet<>();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             PreparedStatement q = db.prepareStatement("SELECT subject FROM staff_audit WHERE action = 'sign-in.failed'");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        assertThat(stored).as("every acknowledged write survived kill -9").containsAll(acknowledged);
    }
}

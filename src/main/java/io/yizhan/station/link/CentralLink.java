package io.yizhan.station.sync.internal;

import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.sync.SyncProperties;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** The station's HTTP link to central: one client, signed in with the station's id and key. */
@Component
class CentralLink {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SyncProperties sync;
    private final String stationId;

    CentralLink(SyncProperties sync, StationProperties station) {
        this.sync = sync;
        this.stationId = station.station().id();
    }

    String stationId() {
        return stationId;
    }

    /** A request to central's {@code path} (with query), signed in, with a 30-second limit. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(sync.centralUrl().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (stationId + ":" + sync.stationKey()).getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends it; anything but 200 is a failure to retry later. */
    byte[] send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("central answered HTTP " + response.statusCode() + " to " + request.uri().getPath());
        }
        return response.body();
    }
}

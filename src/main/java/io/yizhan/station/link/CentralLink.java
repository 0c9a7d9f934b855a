package io.yizhan.station.link;

import io.yizhan.station.shared.StationProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The station's HTTP link to central: one client, signed in with the station's id and key. */
@Component
public class CentralLink {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI centralUrl;
    private final String stationKey;
    private final String stationId;
    private final JsonMapper json;

    CentralLink(@Value("${yizhan.sync.central-url:http://127.0.0.1:8081}") URI centralUrl, @Value("${yizhan.sync.station-key:}") String stationKey,
                StationProperties station, JsonMapper json) {
        this.centralUrl = centralUrl;
        this.stationKey = stationKey;
        this.stationId = station.station().id();
        this.json = json;
    }

    public String stationId() {
        return stationId;
    }

    /** A request to central's {@code path} (with query), signed in, with a 30-second limit. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(centralUrl.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (stationId + ":" + stationKey).getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends it; anything but 200 is a failure to retry later. */
    public byte[] send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("central answered HTTP " + response.statusCode() + " to " + request.uri().getPath());
        }
        return response.body();
    }

    /** Asks central now and waits at most {@code timeout} for the answer. */
    public <T> T get(String path, Class<T> answer, Duration timeout) throws CentralCallFailed {
        return call(request(path).timeout(timeout).GET().build(), answer);
    }

    /** Sends {@code body} as JSON and waits at most {@code timeout} for the answer. */
    public <T> T post(String path, Object body, Class<T> answer, Duration timeout) throws CentralCallFailed {
        return call(request(path).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(), answer);
    }

    private <T> T call(HttpRequest request, Class<T> answer) throws CentralCallFailed {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            throw new CentralCallFailed(false, "central unreachable: " + e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException || e.getCause() instanceof UnresolvedAddressException) {
                throw new CentralCallFailed(false, "central unreachable: " + e);
            }
            throw new CentralCallFailed(true, "no answer from central: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CentralCallFailed(true, "interrupted waiting for central");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new CentralCallFailed(false, "central refused the station key: HTTP " + response.statusCode());
        }
        if (response.statusCode() != 200) {
            throw new CentralCallFailed(true, "central answered HTTP " + response.statusCode() + " to " + request.uri().getPath());
        }
        try {
            return json.readValue(response.body(), answer);
        } catch (RuntimeException e) {
            throw new CentralCallFailed(true, "central's answer was not understood: " + e.getMessage());
        }
    }
}

package io.yizhan.station.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.TestClockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over real HTTP: anonymous and kiosk clients get nothing from the counter or the API (the API
 * answers 401 in JSON, never a redirect); staff get in with HTTP Basic; sign-in is throttled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class AccessHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy security;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String kioskCookie() throws Exception {
        HttpResponse<String> kiosk = get("/kiosk", "Accept", "text/html");
        assertThat(kiosk.statusCode()).isEqualTo(200);
        String setCookie = kiosk.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("YIZHAN_TERMINAL=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void rootLeadsToTheKiosk() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).get().asString().endsWith("/kiosk");
    }

    @Test
    void anonymousAndKioskClientsGetNothingFromTheCounter() throws Exception {
        String cookie = kioskCookie();
        for (String[] headers : new String[][] {{}, {"Cookie", cookie}}) {
            for (String path : new String[] {"/counter", "/counter/audit", "/counter/terminals", "/counter/staff"}) {
                HttpResponse<String> page = get(path, headers);
                assertThat(page.statusCode()).as(path).isIn(302, 401, 403);
                if (page.statusCode() == 302) {
                    assertThat(page.headers().firstValue("Location")).get().asString().as(path).endsWith("/login");
                }
            }
        }
    }

    @Test
    void theApiAnswersAnonymousAndKioskClientsWith401Json() throws Exception {
        String cookie = kioskCookie();
        for (String[] headers : new String[][] {{}, {"Cookie", cookie}, {"Accept", "text/html"}}) {
            HttpResponse<String> api = get("/api/parcels", headers);
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
            assertThat(api.headers().firstValue("Location")).isEmpty();
            assertThat(api.body()).contains("\"code\":\"UNAUTHENTICATED\"").contains("请先登录");
        }
        HttpResponse<String> english = get("/api/parcels", "Accept-Language", "en-US,en;q=0.9");
        assertThat(english.body()).contains("Please sign in");
    }

    @Test
    void staffReachTheApiWithHttpBasic() throws Exception {
        HttpResponse<String> api = get("/api/nothing-here", "Authorization", basic("clerk", "clerk-demo"));
        assertThat(api.statusCode()).as("authenticated, then not found").isEqualTo(404);
        assertThat(api.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(api.headers().allValues("Set-Cookie")).as("stateless").isEmpty();
        assertThat(get("/api/nothing-here", "Authorization", basic("clerk", "wrong-password")).statusCode()).isEqualTo(401);
    }

    @Test
    void healthIsOpenAndOtherActuatorEndpointsAreNot() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"");
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isIn(401, 404);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountThenItOpensAgain() throws Exception {
        String user = "t" + UUID.randomUUID().toString().substring(0, 8);
        accounts.insert(user, "测试", Role.CLERK, "right-password");
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/x", "Authorization", basic(user, "wrong-" + i)).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = get("/api/x", "Authorization", basic(user, "right-password"));
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("\"code\":\"LOCKED\"");
        clock.advance(Duration.ofSeconds(31));
        assertThat(get("/api/x", "Authorization", basic(user, "right-password")).statusCode()).isEqualTo(404);
    }

    @Test
    void aPasswordResetDropsCachedCredentialsAtOnce() throws Exception {
        String user = "r" + UUID.randomUUID().toString().substring(0, 8);
        accounts.insert(user, "测试", Role.CLERK, "first-password");
        assertThat(get("/api/x", "Authorization", basic(user, "first-password")).statusCode()).isEqualTo(404);
        security.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        "admin", null, Role.ADMIN.authorities()));
        try {
            accounts.resetPassword(user, "second-password");
        } finally {
            security.clearContext();
        }
        assertThat(get("/api/x", "Authorization", basic(user, "first-password")).statusCode()).isEqualTo(401);
        assertThat(get("/api/x", "Authorization", basic(user, "second-password")).statusCode()).isEqualTo(404);
    }
}

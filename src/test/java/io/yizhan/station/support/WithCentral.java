package io.yizhan.station.support;

import io.yizhan.central.CentralApplication;
import java.util.UUID;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A station test against a real central, started once in this JVM on a free port with its own
 * in-memory H2, and shared by every test class that extends this one (they share one station
 * context too). The payment sandbox's delays are shortened so the tests wait seconds, not minutes:
 * a password is typed after {@link #CONFIRM_AFTER_MS}, an unconfirmed trade closes after 8 s,
 * a held answer comes after 3 s while the station waits 1 s, a refund is done after 1 s, and a
 * processing write-off succeeds after 2 s.
 */
@StationTest
public abstract class WithCentral {

    public static final long CONFIRM_AFTER_MS = 1_500;

    private static ConfigurableApplicationContext central;
    private static CentralSwitch link;

    @DynamicPropertySource
    static void central(DynamicPropertyRegistry registry) {
        properties(registry);
    }

    /** Points a station test context at the shared central (through the switch). */
    public static void properties(DynamicPropertyRegistry registry) {
        int port = link().port();
        registry.add("yizhan.sync.central-url", () -> "http://127.0.0.1:" + port);
        registry.add("yizhan.sync.station-key", () -> "demo-station-key");
        registry.add("yizhan.station.id", () -> "demo-station-001");
        registry.add("yizhan.payments.call-timeout", () -> "1s");
    }

    public static synchronized ConfigurableApplicationContext centralContext() {
        if (central == null) {
            central = CentralApplication.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:central-" + UUID.randomUUID()
                            + ";DB_CLOSE_DELAY=-1", "--yizhan.central.demo=true", "--logging.level.root=WARN",
                    "--yizhan.central.gateway.sandbox.confirm-after=" + CONFIRM_AFTER_MS + "ms",
                    "--yizhan.central.gateway.sandbox.close-after=8s",
                    "--yizhan.central.gateway.sandbox.hold-answer=3s",
                    "--yizhan.central.gateway.sandbox.refund-after=1s",
                    "--yizhan.central.billers.sandbox.processing-for=2s");
            Runtime.getRuntime().addShutdownHook(new Thread(central::close));
        }
        return central;
    }

    /** The station reaches central through this switch: tests cut the link or lose central's answers with it. */
    public static synchronized CentralSwitch link() {
        if (link == null) {
            try {
                link = new CentralSwitch(port());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return link;
    }

    /**
     * From now on central acts on each of this station's requests but its answer is lost. Connections
     * the station's client kept open from before die with the switch: a few throwaway calls use them up,
     * so the next real call surely reaches central.
     */
    public static void loseAnswers(io.yizhan.station.link.CentralLink station) throws java.io.IOException {
        link().set(CentralSwitch.Mode.LOSE_ANSWERS);
        for (int i = 0; i < 3; i++) {
            try {
                station.get("/api/gateway/trades/none", io.yizhan.contract.GatewayTrade.class, java.time.Duration.ofSeconds(1));
            } catch (io.yizhan.station.link.CentralCallFailed expected) {
                // a kept connection that died with the switch, or an answer lost on purpose
            }
        }
    }

    /** Central's own port (not through the switch). */
    public static int port() {
        return ((WebServerApplicationContext) centralContext()).getWebServer().getPort();
    }

    public static JdbcClient centralDb() {
        return centralContext().getBean(JdbcClient.class);
    }
}

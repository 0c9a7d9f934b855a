package io.yizhan.station.terminals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.StationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

@StationTest
class TerminalsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;

    private Terminals terminals(boolean demo, String... ids) {
        Map<String, TerminalsProperties.Entry> map = new LinkedHashMap<>();
        for (String id : ids) {
            map.put(id, new TerminalsProperties.Entry(id.startsWith("kiosk") ? TerminalKind.KIOSK : TerminalKind.COUNTER, null));
        }
        jdbc.sql("DELETE FROM terminals_browser").update();
        return new Terminals(jdbc, clock,
                new StationProperties(new StationProperties.Station("t", "t", ZoneId.of("Asia/Shanghai"), ""), demo, Path.of("target/test-data")),
                new TerminalsProperties(map), events);
    }

    @Test
    void demoBrowsersPairThemselvesWithTheFirstFreeTerminalOfTheirKind() {
        Terminals t = terminals(true, "kiosk-1", "counter-1", "counter-2");
        String a = t.newBrowser();
        String b = t.newBrowser();
        String c = t.newBrowser();
        String k = t.newBrowser();
        assertThat(t.selfPair(a, TerminalKind.COUNTER)).get().extracting(x -> x.id().value()).isEqualTo("counter-1");
        assertThat(t.selfPair(b, TerminalKind.COUNTER)).get().extracting(x -> x.id().value()).isEqualTo("counter-2");
        assertThat(t.selfPair(c, TerminalKind.COUNTER)).as("all taken: share the first").get()
                .extracting(x -> x.id().value()).isEqualTo("counter-1");
        assertThat(t.selfPair(k, TerminalKind.KIOSK)).get().extracting(x -> x.id().value()).isEqualTo("kiosk-1");
        assertThat(t.terminalOf(a)).get().extracting(Terminal::kind).isEqualTo(TerminalKind.COUNTER);
    }

    @Test
    void liveBrowsersDoNotPairThemselvesAndAManagerPairsThemByCode() {
        Terminals t = terminals(false, "kiosk-1", "counter-1");
        String kiosk = t.newBrowser();
        assertThat(t.selfPair(kiosk, TerminalKind.KIOSK)).isEmpty();
        assertThat(t.terminalOf(kiosk)).isEmpty();

        String code = t.pairingCode(kiosk);
        assertThat(code).matches("\\d{6}");
        assertThat(t.pairingCode(kiosk)).as("stable while valid").isEqualTo(code);
        assertThatThrownBy(() -> t.pairByCode("000000".equals(code) ? "111111" : "000000", new TerminalId("kiosk-1"), "manager"))
                .isInstanceOf(PairingException.class);
        t.pairByCode(code, new TerminalId("kiosk-1"), "manager");
        assertThat(t.terminalOf(kiosk)).get().extracting(x -> x.id().value()).isEqualTo("kiosk-1");
        assertThatThrownBy(() -> t.pairByCode(code, new TerminalId("kiosk-1"), "manager"))
                .as("a code works once").isInstanceOf(PairingException.class);

        // pairing another browser as kiosk-1 replaces the first one
        String replacement = t.newBrowser();
        t.pairBrowser(replacement, new TerminalId("kiosk-1"), "manager");
        assertThat(t.terminalOf(replacement)).isPresent();
        assertThat(t.terminalOf(kiosk)).isEmpty();

        t.unpair(new TerminalId("kiosk-1"), "manager");
        assertThat(t.terminalOf(replacement)).isEmpty();
    }

    @Test
    void pairingCodesExpire() {
        Terminals t = terminals(false, "counter-1");
        String browser = t.newBrowser();
        String code = t.pairingCode(browser);
        clock.advance(Terminals.CODE_VALIDITY.plus(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> t.pairByCode(code, new TerminalId("counter-1"), "manager"))
                .isInstanceOf(PairingException.class).extracting("messageKey").isEqualTo("pairing.error.code");
    }

    @Test
    void unknownTokensAreNotBrowsers() {
        Terminals t = terminals(true, "kiosk-1");
        assertThat(t.knows("made-up")).isFalse();
        assertThat(t.terminalOf("made-up")).isEmpty();
    }
}

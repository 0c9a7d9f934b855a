package io.yizhan.station.terminals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code yizhan.terminals.<id>.kind: kiosk|counter}: the station's terminals in the order written.
 */
@ConfigurationProperties("yizhan")
public record TerminalsProperties(Map<String, Entry> terminals) {

    public TerminalsProperties {
        terminals = terminals == null ? Map.of() : new LinkedHashMap<>(terminals);
    }

    public record Entry(TerminalKind kind) {
    }

    public List<Terminal> list() {
        return terminals.entrySet().stream()
                .map(e -> new Terminal(new TerminalId(e.getKey()), e.getValue().kind()))
                .toList();
    }
}

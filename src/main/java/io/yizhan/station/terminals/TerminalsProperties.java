package io.yizhan.station.terminals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code yizhan.terminals.<id>.kind: kiosk|counter|display} (a display with {@code counter: <id>}): the station's terminals in the order written.
 */
@ConfigurationProperties("yizhan")
public record TerminalsProperties(Map<String, Entry> terminals) {

    public TerminalsProperties {
        terminals = terminals == null ? Map.of() : new LinkedHashMap<>(terminals);
    }

    /** A terminal's kind; a display names the counter it belongs to ({@code counter: counter-1}). */
    public record Entry(TerminalKind kind, @org.jspecify.annotations.Nullable String counter) {

        public Entry {
            if (kind == TerminalKind.DISPLAY && (counter == null || counter.isBlank())) {
                throw new IllegalArgumentException("a display terminal names its counter (counter: counter-1)");
            }
        }
    }

    /** The display that belongs to this counter, if the station has one. */
    public java.util.Optional<TerminalId> displayOf(String counter) {
        return terminals.entrySet().stream().filter(e -> e.getValue().kind() == TerminalKind.DISPLAY && counter.equals(e.getValue().counter()))
                .map(e -> new TerminalId(e.getKey())).findFirst();
    }

    /** The counter this display belongs to. */
    public java.util.Optional<String> counterOf(String display) {
        return java.util.Optional.ofNullable(terminals.get(display)).filter(e -> e.kind() == TerminalKind.DISPLAY).map(Entry::counter);
    }

    public List<Terminal> list() {
        return terminals.entrySet().stream()
                .map(e -> new Terminal(new TerminalId(e.getKey()), e.getValue().kind()))
                .toList();
    }
}

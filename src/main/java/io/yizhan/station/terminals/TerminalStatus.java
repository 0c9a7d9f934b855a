package io.yizhan.station.terminals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A terminal and the browser paired to it, if any (the manager's overview). */
public record TerminalStatus(Terminal terminal, int pairedBrowsers, @Nullable Instant lastPairedAt,
                             @Nullable String lastPairedBy) {

    public boolean paired() {
        return pairedBrowsers > 0;
    }
}

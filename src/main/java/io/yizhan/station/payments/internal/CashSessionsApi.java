package io.yizhan.station.payments.internal;

import io.yizhan.station.payments.CashSession;
import io.yizhan.station.payments.CashSessions;
import io.yizhan.station.payments.PaymentRefused;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The cash drawer API of the calling counter (its paired browser, or {@code X-Terminal}). */
@RestController
class CashSessionsApi {

    record OpenIn(@Nullable Long floatFen) {
    }

    record SessionOut(UUID id, String terminal, Instant openedAt, long floatFen, long expectedCashFen) {

        static SessionOut of(CashSession s) {
            return new SessionOut(s.id(), s.terminal(), s.openedAt(), s.floatFen(), s.expectedCashFen());
        }
    }

    record CloseIn(@Nullable Long countedFen, @Nullable Map<Long, Integer> counts, @Nullable String note) {
    }

    record ClosedOut(UUID id, long expectedCashFen, long countedFen, long differenceFen) {
    }

    private final CashSessions sessions;

    CashSessionsApi(CashSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/cash-sessions")
    ResponseEntity<SessionOut> open(@RequestBody OpenIn in) {
        return ResponseEntity.status(HttpStatus.CREATED).body(SessionOut.of(sessions.open(in.floatFen() == null ? -1 : in.floatFen())));
    }

    @GetMapping("/api/cash-sessions/current")
    SessionOut current() {
        return SessionOut.of(sessions.current(CashSessions.counterTerminal())
                .orElseThrow(() -> new PaymentRefused("NOT_FOUND", 404, "payments.error.no-session")));
    }

    @PostMapping("/api/cash-sessions/current/close")
    ClosedOut close(@RequestBody CloseIn in) {
        CashSession closed = sessions.close(in.countedFen() == null ? -1 : in.countedFen(), in.counts(), in.note());
        return new ClosedOut(closed.id(), closed.expectedCashFen(), closed.countedFen() == null ? 0 : closed.countedFen(),
                closed.differenceFen() == null ? 0 : closed.differenceFen());
    }
}

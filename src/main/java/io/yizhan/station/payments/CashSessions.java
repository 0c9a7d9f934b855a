package io.yizhan.station.payments;

import io.yizhan.station.payments.internal.ZReports;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cash drawer sessions per counter terminal and the end-of-day close (日结). Every cash movement
 * locks its terminal's open session row and the close takes the same lock, so the database decides
 * which session a movement committed during the close belongs to — exactly one. In demo mode the
 * first cash at a counter with no open session opens one with a ¥500 float; live, it is refused
 * ({@code NO_CASH_SESSION}) until someone opens one.
 */
@Service
public class CashSessions {

    /** The float a demo station's counter opens with by itself. */
    public static final long DEMO_FLOAT_FEN = 50_000;

    private static final String COLUMNS = """
            s.id, s.terminal, s.opened_by, s.opened_at, s.float_fen, s.closed_by, s.closed_at, s.expected_fen, s.counted_fen,
            s.difference_fen, s.note, (SELECT COALESCE(SUM(m.amount_fen), 0) FROM payments_cash_movement m WHERE m.session_id = s.id) AS moved""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final StationProperties station;
    private final ApplicationEventPublisher events;
    private final ZReports reports;
    private final JsonMapper json;
    private final TransactionTemplate separately;

    CashSessions(JdbcClient jdbc, Clock clock, AuditLog audit, StationProperties station, ApplicationEventPublisher events, ZReports reports,
                 JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.station = station;
        this.events = events;
        this.reports = reports;
        this.json = json;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The counter terminal this call comes from, or {@code TERMINAL_REQUIRED}. */
    public static String counterTerminal() {
        return CurrentTerminal.get().filter(t -> t.kind() == TerminalKind.COUNTER).map(Terminal::id).map(Object::toString)
                .orElseThrow(() -> new PaymentRefused("TERMINAL_REQUIRED", 400, "payments.error.terminal"));
    }

    /** Opens this counter's drawer with a float (the cash put in to give change). */
    @Transactional
    public CashSession open(long floatFen) {
        if (floatFen < 0 || floatFen > Payments.MAX_FEN) {
            throw new PaymentRefused("BAD_AMOUNT", 400, "payments.error.float");
        }
        String terminal = counterTerminal();
        try {
            insert(terminal, floatFen, audit.currentActor());
        } catch (DuplicateKeyException alreadyOpen) {
            throw new PaymentRefused("SESSION_OPEN", 409, "payments.error.session-open");
        }
        audit.record("payments.cash-open", terminal + " " + io.yizhan.station.shared.Money.yuan(floatFen));
        return current(terminal).orElseThrow();
    }

    public Optional<CashSession> current() {
        return CurrentTerminal.get().flatMap(t -> current(t.id().toString()));
    }

    public Optional<CashSession> current(String terminal) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments_cash_session s WHERE s.open_terminal = ?").param(terminal)
                .query(CashSessions::session).optional();
    }

    public Optional<CashSession> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments_cash_session s WHERE s.id = ?").param(id).query(CashSessions::session).optional();
    }

    /** The latest sessions of every terminal, newest first. */
    public List<CashSession> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments_cash_session s ORDER BY s.opened_at DESC LIMIT ?").param(limit)
                .query(CashSessions::session).list();
    }

    public List<CashMovement> movements(UUID sessionId) {
        return jdbc.sql("SELECT * FROM payments_cash_movement WHERE session_id = ? ORDER BY at, id").param(sessionId)
                .query((rs, n) -> new CashMovement(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class), rs.getString("kind"),
                        rs.getLong("amount_fen"), rs.getObject("payment_id", UUID.class), rs.getString("service"), rs.getString("reason"),
                        rs.getString("clerk"), rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Cash put into the drawer that is not a payment (more change, say), with the reason. */
    @Transactional
    public CashMovement payIn(long amountFen, String reason) {
        return manual("PAY_IN", amountFen, reason);
    }

    /** Cash taken out of the drawer that is not a refund (to the bank, say), with the reason. */
    @Transactional
    public CashMovement payOut(long amountFen, String reason) {
        return manual("PAY_OUT", -amountFen, reason);
    }

    private CashMovement manual(String kind, long signedFen, String reason) {
        if (signedFen == 0 || Math.abs(signedFen) > Payments.MAX_FEN) {
            throw new PaymentRefused("BAD_AMOUNT", 400, "payments.error.amount");
        }
        if (reason == null || reason.isBlank()) {
            throw new PaymentRefused("REASON_REQUIRED", 400, "payments.error.reason");
        }
        CashMovement m = book(counterTerminal(), kind, signedFen, null, "DRAWER", reason.strip());
        audit.record("payments.cash-" + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                io.yizhan.station.shared.Money.yuan(Math.abs(signedFen)) + " " + reason.strip());
        return m;
    }

    /**
     * Books cash into ({@code signedFen} > 0) or out of the terminal's open session, in the caller's
     * transaction, holding the session's lock until it commits. Cash out beyond what the drawer should
     * hold is refused ({@code INSUFFICIENT_CASH}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CashMovement book(String terminal, String kind, long signedFen, @Nullable UUID paymentId, String service, @Nullable String reason) {
        UUID session = lockOpen(terminal);
        if (signedFen < 0) {
            long expected = expected(session);
            if (expected + signedFen < 0) {
                throw new PaymentRefused("INSUFFICIENT_CASH", 409, "payments.error.insufficient-cash");
            }
        }
        Instant now = clock.instant();
        UUID id = UuidV7.next(clock);
        String clerk = audit.currentActor();
        jdbc.sql("""
                        INSERT INTO payments_cash_movement (id, session_id, kind, amount_fen, payment_id, service, reason, clerk, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, session, kind, signedFen, paymentId, service, clip(reason, 200), clerk, utc(now)).update();
        return new CashMovement(id, session, kind, signedFen, paymentId, service, reason, clerk, now);
    }

    /**
     * Closes this counter's session with the blind count: {@code counts} (pieces per denomination in
     * fen) must add up to {@code countedFen}; a difference needs a note. Prints the Z report.
     */
    @Transactional
    public CashSession close(long countedFen, @Nullable Map<Long, Integer> counts, @Nullable String note) {
        String terminal = counterTerminal();
        if (countedFen < 0 || countedFen > Payments.MAX_FEN) {
            throw new PaymentRefused("BAD_AMOUNT", 400, "payments.error.amount");
        }
        Map<Long, Integer> pieces = counts == null ? Map.of() : new TreeMap<>(counts);
        if (!pieces.isEmpty()) {
            long sum = 0;
            for (Map.Entry<Long, Integer> e : pieces.entrySet()) {
                if (e.getKey() <= 0 || e.getValue() == null || e.getValue() < 0) {
                    throw new PaymentRefused("COUNTS_MISMATCH", 400, "payments.error.counts");
                }
                sum += e.getKey() * e.getValue();
            }
            if (sum != countedFen) {
                throw new PaymentRefused("COUNTS_MISMATCH", 400, "payments.error.counts");
            }
        }
        UUID session = jdbc.sql("SELECT id FROM payments_cash_session WHERE open_terminal = ? FOR UPDATE").param(terminal).query(UUID.class)
                .optional().orElseThrow(() -> new PaymentRefused("NO_CASH_SESSION", 409, "payments.error.no-session"));
        long expected = expected(session);
        long difference = countedFen - expected;
        String why = note == null ? "" : note.strip();
        if (difference != 0 && why.isEmpty()) {
            throw new PaymentRefused("NOTE_REQUIRED", 400, "payments.error.note");
        }
        Instant now = clock.instant();
        String by = audit.currentActor();
        jdbc.sql("""
                        UPDATE payments_cash_session SET open_terminal = NULL, closed_by = ?, closed_at = ?, expected_fen = ?, counted_fen = ?,
                            difference_fen = ?, counts = ?, note = ? WHERE id = ?""")
                .params(by, utc(now), expected, countedFen, difference, pieces.isEmpty() ? null : json.writeValueAsString(pieces),
                        why.isEmpty() ? null : clip(why, 200), session)
                .update();
        CashSession closed = find(session).orElseThrow();
        events.publishEvent(new CashSessionClosed(UuidV7.next(clock), session, terminal, closed.openedAt(), closed.floatFen(), expected,
                countedFen, difference, by, now));
        audit.record("payments.cash-close", terminal + " " + io.yizhan.station.shared.Money.yuan(difference));
        reports.print(closed, movements(session), pieces);
        return closed;
    }

    /**
     * The open session's id, locked for this transaction; in demo mode opened first if there is none.
     * A close that commits while this waits for the lock takes the session off the terminal: then the
     * next session is the one (in demo mode opened here), never the closed one.
     */
    private UUID lockOpen(String terminal) {
        for (int tries = 0; tries < 20; tries++) {
            Optional<UUID> open = jdbc.sql("SELECT id FROM payments_cash_session WHERE open_terminal = ? FOR UPDATE").param(terminal)
                    .query(UUID.class).optional();
            if (open.isPresent() && jdbc.sql("SELECT COUNT(*) FROM payments_cash_session WHERE id = ? AND open_terminal IS NOT NULL")
                    .param(open.get()).query(Long.class).single() == 1) {
                return open.get();
            }
            if (!station.demo()) {
                if (jdbc.sql("SELECT COUNT(*) FROM payments_cash_session WHERE open_terminal = ?").param(terminal).query(Long.class).single() == 0) {
                    throw new PaymentRefused("NO_CASH_SESSION", 409, "payments.error.no-session");
                }
                continue;
            }
            try {
                separately.executeWithoutResult(s -> insert(terminal, DEMO_FLOAT_FEN, "demo"));
            } catch (DuplicateKeyException raced) {
                // another payment opened it a moment ago
            }
        }
        throw new PaymentRefused("NO_CASH_SESSION", 409, "payments.error.no-session");
    }

    private void insert(String terminal, long floatFen, String by) {
        jdbc.sql("""
                        INSERT INTO payments_cash_session (id, terminal, open_terminal, opened_by, opened_at, float_fen)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UuidV7.next(clock), terminal, terminal, by, utc(clock.instant()), floatFen).update();
    }

    private long expected(UUID session) {
        return jdbc.sql("""
                        SELECT s.float_fen + COALESCE((SELECT SUM(m.amount_fen) FROM payments_cash_movement m WHERE m.session_id = s.id), 0)
                        FROM payments_cash_session s WHERE s.id = ?""")
                .param(session).query(Long.class).single();
    }

    private static CashSession session(ResultSet rs, int n) throws SQLException {
        OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
        long floatFen = rs.getLong("float_fen");
        long expected = closedAt == null ? floatFen + rs.getLong("moved") : rs.getLong("expected_fen");
        return new CashSession(rs.getObject("id", UUID.class), rs.getString("terminal"), rs.getString("opened_by"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(), floatFen, expected, rs.getString("closed_by"),
                closedAt == null ? null : closedAt.toInstant(), (Long) rs.getObject("counted_fen", Long.class),
                (Long) rs.getObject("difference_fen", Long.class), rs.getString("note"));
    }

    private static @Nullable String clip(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

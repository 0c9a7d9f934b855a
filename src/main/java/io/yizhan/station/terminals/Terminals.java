package io.yizhan.station.terminals;

import io.yizhan.station.shared.AuditableAction;
import io.yizhan.station.shared.Digests;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.UuidV7;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The station's terminals and the browsers paired to them.
 *
 * <p>Every browser gets a random 256-bit token in a long-lived cookie; only its SHA-256 is stored.
 * A manager pairs a browser to a terminal (directly from that browser, or by the six-digit code the
 * browser shows). In live mode a terminal has one browser: pairing it again unpairs the old one.
 * In demo mode a browser pairs itself with the first free terminal of the kind it asks for.
 */
@Service
public class Terminals {

    static final Duration CODE_VALIDITY = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean demo;
    private final List<Terminal> configured;
    private final TerminalsProperties properties;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();
    /** token hash → terminal id ("" when unpaired); pairing changes clear it. */
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Terminals(JdbcClient jdbc, Clock clock, StationProperties station, TerminalsProperties terminals,
              ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.demo = station.demo();
        this.configured = terminals.list();
        this.properties = terminals;
        this.events = events;
    }

    /** The display terminal that belongs to this counter, if the station has one. */
    public Optional<TerminalId> displayOf(String counter) {
        return properties.displayOf(counter);
    }

    /** The counter a display terminal belongs to. */
    public Optional<String> counterOf(String display) {
        return properties.counterOf(display);
    }

    public List<Terminal> all() {
        return configured;
    }

    public Optional<Terminal> find(TerminalId id) {
        return configured.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Registers a new browser and returns its raw token, to be sent in the cookie once. */
    @Transactional
    public String newBrowser() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO terminals_browser (id, token_hash, created_at) VALUES (?, ?, ?)")
                .params(UuidV7.next(clock), hash(token), ts(now()))
                .update();
        return token;
    }

    /** Whether this token belongs to a browser the station knows. */
    public boolean knows(String token) {
        return lookup(token) != null;
    }

    /** The terminal this browser is paired to, if any. */
    public Optional<Terminal> terminalOf(String token) {
        String id = lookup(token);
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return find(new TerminalId(id));
    }

    private @Nullable String lookup(String token) {
        String hash = hash(token);
        String cached = cache.get(hash);
        if (cached != null) {
            return cached;
        }
        List<String> rows = jdbc.sql("SELECT COALESCE(terminal_id, '') FROM terminals_browser WHERE token_hash = ?")
                .param(hash).query(String.class).list();
        if (rows.isEmpty()) {
            return null;
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(hash, rows.getFirst());
        return rows.getFirst();
    }

    /**
     * Demo mode only: pairs this browser with the first terminal of the kind that has no browser yet,
     * or shares the first one when all are taken (a demo is tried from many browsers).
     */
    @Transactional
    public Optional<Terminal> selfPair(String token, TerminalKind kind) {
        if (!demo) {
            return Optional.empty();
        }
        Optional<Terminal> current = terminalOf(token);
        if (current.isPresent()) {
            return current;
        }
        List<Terminal> ofKind = configured.stream().filter(t -> t.kind() == kind).toList();
        if (ofKind.isEmpty()) {
            return Optional.empty();
        }
        Terminal chosen = ofKind.stream().filter(t -> pairedBrowsers(t.id()) == 0).findFirst()
                .orElse(ofKind.getFirst());
        link(token, chosen, "demo");
        return Optional.of(chosen);
    }

    /** A six-digit code this unpaired browser shows, so a manager can pair it from a counter. */
    @Transactional
    public String pairingCode(String token) {
        String hash = hash(token);
        Instant now = now();
        List<String> existing = jdbc.sql("""
                        SELECT pairing_code FROM terminals_browser
                        WHERE token_hash = ? AND pairing_code IS NOT NULL AND pairing_code_expires_at > ?""")
                .params(hash, ts(now)).query(String.class).list();
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        jdbc.sql("UPDATE terminals_browser SET pairing_code = NULL WHERE pairing_code_expires_at <= ?")
                .param(ts(now)).update();
        for (int attempt = 0; ; attempt++) {
            String code = String.format("%06d", random.nextInt(1_000_000));
            try {
                int updated = jdbc.sql("UPDATE terminals_browser SET pairing_code = ?, pairing_code_expires_at = ? WHERE token_hash = ?")
                        .params(code, ts(now.plus(CODE_VALIDITY)), hash).update();
                if (updated == 0) {
                    throw new PairingException("pairing.error.unknown-browser");
                }
                return code;
            } catch (DuplicateKeyException clash) {
                if (attempt > 20) {
                    throw clash;
                }
            }
        }
    }

    /** A manager pairs the browser showing {@code code} with a terminal. */
    @Transactional
    public Terminal pairByCode(String code, TerminalId id, String manager) {
        String digits = code.replaceAll("\\s", "");
        List<String> hashes = jdbc.sql("""
                        SELECT token_hash FROM terminals_browser
                        WHERE pairing_code = ? AND pairing_code_expires_at > ?""")
                .params(digits, ts(now())).query(String.class).list();
        if (hashes.isEmpty()) {
            throw new PairingException("pairing.error.code");
        }
        return linkHash(hashes.getFirst(), terminal(id), manager);
    }

    /** A manager signed in on this browser pairs it directly. */
    @Transactional
    public Terminal pairBrowser(String token, TerminalId id, String manager) {
        if (!knows(token)) {
            throw new PairingException("pairing.error.unknown-browser");
        }
        return linkHash(hash(token), terminal(id), manager);
    }

    /** Unpairs every browser of a terminal; they see the pairing screen on their next request. */
    @Transactional
    public void unpair(TerminalId id, String manager) {
        jdbc.sql("UPDATE terminals_browser SET terminal_id = NULL, paired_at = NULL, paired_by = NULL WHERE terminal_id = ?")
                .param(id.value()).update();
        cache.clear();
        events.publishEvent(new AuditableAction("terminal.unpair", id.value()));
    }

    public List<TerminalStatus> statuses() {
        return configured.stream().map(t -> {
            record Row(int n, @Nullable OffsetDateTime at, @Nullable String by) {
            }
            Row row = jdbc.sql("""
                            SELECT COUNT(*) AS n, MAX(paired_at) AS last_at,
                                   MAX(paired_by) AS last_by FROM terminals_browser WHERE terminal_id = ?""")
                    .param(t.id().value())
                    .query((rs, i) -> new Row(rs.getInt("n"), rs.getObject("last_at", OffsetDateTime.class), rs.getString("last_by")))
                    .single();
            return new TerminalStatus(t, row.n(), row.at() == null ? null : row.at().toInstant(), row.by());
        }).toList();
    }

    private Terminal terminal(TerminalId id) {
        return find(id).orElseThrow(() -> new PairingException("pairing.error.terminal"));
    }

    private void link(String token, Terminal terminal, String by) {
        linkHash(hash(token), terminal, by);
    }

    private Terminal linkHash(String hash, Terminal terminal, String by) {
        if (!demo) {
            jdbc.sql("UPDATE terminals_browser SET terminal_id = NULL, paired_at = NULL, paired_by = NULL WHERE terminal_id = ? AND token_hash <> ?")
                    .params(terminal.id().value(), hash).update();
        }
        Instant now = now();
        jdbc.sql("""
                        UPDATE terminals_browser SET terminal_id = ?, paired_at = ?, paired_by = ?,
                               pairing_code = NULL, pairing_code_expires_at = NULL WHERE token_hash = ?""")
                .params(terminal.id().value(), ts(now), by, hash).update();
        cache.clear();
        events.publishEvent(new TerminalPaired(UuidV7.next(clock), terminal.id(), by, now));
        if (!"demo".equals(by)) {
            events.publishEvent(new AuditableAction("terminal.pair", terminal.id().value()));
        }
        return terminal;
    }

    private int pairedBrowsers(TerminalId id) {
        return jdbc.sql("SELECT COUNT(*) FROM terminals_browser WHERE terminal_id = ?")
                .param(id.value()).query(Integer.class).single();
    }

    private Instant now() {
        return clock.instant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String hash(String token) {
        return Digests.sha256(token);
    }
}

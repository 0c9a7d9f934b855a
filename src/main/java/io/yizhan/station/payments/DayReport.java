package io.yizhan.station.payments;

import io.yizhan.station.shared.StationTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The manager's station-wide day across all counters: per terminal, the cash it took and gave back,
 * paid in and out, its drawer sessions' differences, and its code payments per channel; with the
 * station's totals. Cash is counted by the movements of that station day, so the figures add up to
 * the Z reports of the sessions that covered it.
 */
@Service
public class DayReport {

    /** One terminal's day, in fen. */
    public record Terminal(String terminal, long cashIn, long refunds, long paidIn, long paidOut, long disbursed, long codeFen, long codeCount,
                           int sessionsClosed, long difference) {

        public long cashNet() {
            return cashIn + refunds + paidIn + paidOut + disbursed;
        }
    }

    public record Day(LocalDate date, List<Terminal> terminals, Map<String, long[]> codeByChannel) {

        public long cashNet() {
            return terminals.stream().mapToLong(Terminal::cashNet).sum();
        }

        public long difference() {
            return terminals.stream().mapToLong(Terminal::difference).sum();
        }
    }

    private final JdbcClient jdbc;
    private final StationTime time;

    DayReport(JdbcClient jdbc, StationTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    public Day of(LocalDate day) {
        OffsetDateTime from = OffsetDateTime.ofInstant(time.startOf(day), ZoneOffset.UTC);
        OffsetDateTime to = OffsetDateTime.ofInstant(time.startOf(day.plusDays(1)), ZoneOffset.UTC);
        Map<String, long[]> byTerminal = new TreeMap<>();
        jdbc.sql("""
                        SELECT s.terminal, m.kind, SUM(m.amount_fen) FROM payments_cash_movement m JOIN payments_cash_session s ON s.id = m.session_id
                        WHERE m.at >= ? AND m.at < ? GROUP BY s.terminal, m.kind""")
                .params(from, to)
                .query(rs -> {
                    long[] t = byTerminal.computeIfAbsent(rs.getString(1), k -> new long[9]);
                    int slot = switch (rs.getString(2)) {
                        case "PAYMENT" -> 0;
                        case "REFUND" -> 1;
                        case "PAY_IN" -> 2;
                        case "PAY_OUT" -> 3;
                        default -> 4;
                    };
                    t[slot] += rs.getLong(3);
                });
        jdbc.sql("""
                        SELECT terminal, COUNT(*), SUM(amount_fen) FROM payments_payment
                        WHERE method = 'CODE' AND status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED') AND paid_at >= ? AND paid_at < ?
                        GROUP BY terminal""")
                .params(from, to)
                .query(rs -> {
                    long[] t = byTerminal.computeIfAbsent(rs.getString(1), k -> new long[9]);
                    t[5] = rs.getLong(3);
                    t[6] = rs.getLong(2);
                });
        jdbc.sql("""
                        SELECT terminal, COUNT(*), COALESCE(SUM(difference_fen), 0) FROM payments_cash_session
                        WHERE closed_at >= ? AND closed_at < ? GROUP BY terminal""")
                .params(from, to)
                .query(rs -> {
                    long[] t = byTerminal.computeIfAbsent(rs.getString(1), k -> new long[9]);
                    t[7] = rs.getLong(2);
                    t[8] = rs.getLong(3);
                });
        Map<String, long[]> byChannel = new TreeMap<>();
        jdbc.sql("""
                        SELECT channel, COUNT(*), SUM(amount_fen) FROM payments_payment
                        WHERE method = 'CODE' AND status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED') AND paid_at >= ? AND paid_at < ?
                        GROUP BY channel""")
                .params(from, to)
                .query(rs -> {
                    byChannel.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        List<Terminal> terminals = byTerminal.entrySet().stream().map(e -> {
            long[] t = e.getValue();
            return new Terminal(e.getKey(), t[0], t[1], t[2], t[3], t[4], t[5], t[6], (int) t[7], t[8]);
        }).toList();
        return new Day(day, terminals, byChannel);
    }
}

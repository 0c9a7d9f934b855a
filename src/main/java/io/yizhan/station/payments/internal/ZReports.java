package io.yizhan.station.payments.internal;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.payments.CashMovement;
import io.yizhan.station.payments.CashSession;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Z report (日结单) of a closed drawer session, on the terminal's receipt printer: cash per
 * service and kind, code payments per channel taken at that terminal while the session was open,
 * refunds, the float, expected against counted, the difference with its note, and the count by
 * denomination. Every figure is a sum of the session's rows, so the report adds up.
 */
@Component
public class ZReports {

    /** Totals of one closed session, as the report and the screens show them. */
    public record Totals(Map<String, Long> cashByService, Map<String, Long> cashByKind, Map<String, long[]> codeByChannel, long codeRefundedFen) {
    }

    private final PrintQueue printing;
    private final StationProperties station;
    private final StationTime time;
    private final JdbcClient jdbc;
    private final Clock clock;

    ZReports(PrintQueue printing, StationProperties station, StationTime time, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.printing = printing;
        this.station = station;
        this.time = time;
        this.jdbc = jdbc;
    }

    public Totals totals(CashSession s, List<CashMovement> movements) {
        Map<String, Long> byService = new TreeMap<>();
        Map<String, Long> byKind = new TreeMap<>();
        for (CashMovement m : movements) {
            byKind.merge(m.kind(), m.amountFen(), Long::sum);
            if (m.kind().equals("PAYMENT")) {
                byService.merge(m.service(), m.amountFen(), Long::sum);
            }
        }
        Instant to = s.closedAt() == null ? clock.instant() : s.closedAt();
        Map<String, long[]> byChannel = new TreeMap<>();
        long[] refunded = {0};
        jdbc.sql("""
                        SELECT channel, COUNT(*) AS n, SUM(amount_fen) AS fen, SUM(refunded_fen) AS refunded FROM payments_payment
                        WHERE method = 'CODE' AND terminal = ? AND status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')
                            AND paid_at >= ? AND paid_at < ? GROUP BY channel""")
                .params(s.terminal(), utc(s.openedAt()), utc(to))
                .query(rs -> {
                    byChannel.put(rs.getString("channel"), new long[] {rs.getLong("n"), rs.getLong("fen")});
                    refunded[0] += rs.getLong("refunded");
                });
        return new Totals(byService, byKind, byChannel, refunded[0]);
    }

    public void print(CashSession s, List<CashMovement> movements, Map<Long, Integer> counts) {
        Locale zh = Translations.SIMPLIFIED;
        Totals t = totals(s, movements);
        PrintDocument.Builder doc = PrintDocument.builder("z-report").center().large(station.station().name())
                .bold(Translations.translate("payments.z.title", zh)).rule().left()
                .text(Translations.translate("payments.z.terminal", zh, s.terminal()))
                .text(Translations.translate("payments.z.opened", zh, time.dateTime(s.openedAt()), s.openedBy()))
                .text(Translations.translate("payments.z.closed", zh, s.closedAt() == null ? "" : time.dateTime(s.closedAt()),
                        s.closedBy() == null ? "" : s.closedBy()))
                .rule()
                .text(line("payments.z.float", s.floatFen()));
        for (Map.Entry<String, Long> e : t.cashByService().entrySet()) {
            doc.text(line("payments.service." + e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, Long> e : t.cashByKind().entrySet()) {
            if (!e.getKey().equals("PAYMENT")) {
                doc.text(line("payments.kind." + e.getKey(), e.getValue()));
            }
        }
        doc.bold(line("payments.z.expected", s.expectedCashFen()))
                .text(line("payments.z.counted", s.countedFen() == null ? 0 : s.countedFen()))
                .bold(line("payments.z.difference", s.differenceFen() == null ? 0 : s.differenceFen()));
        if (s.note() != null) {
            doc.text(Translations.translate("payments.z.note", zh, s.note()));
        }
        if (!counts.isEmpty()) {
            doc.rule().text(Translations.translate("payments.z.counts", zh));
            counts.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByKey().reversed())
                    .forEach(e -> doc.text(Money.yuan(e.getKey()) + " × " + e.getValue() + " = " + Money.yuan(e.getKey() * e.getValue())));
        }
        doc.rule().text(Translations.translate("payments.z.codes", zh));
        if (t.codeByChannel().isEmpty()) {
            doc.text(Translations.translate("payments.z.none", zh));
        }
        for (Map.Entry<String, long[]> e : t.codeByChannel().entrySet()) {
            doc.text(Translations.translate("payments.z.channel", zh, Translations.translate("payments.channel." + e.getKey(), zh),
                    e.getValue()[0], Money.yuan(e.getValue()[1])));
        }
        if (t.codeRefundedFen() > 0) {
            doc.text(line("payments.z.code-refunded", t.codeRefundedFen()));
        }
        printing.printAt(s.terminal(), DeviceKind.RECEIPT_PRINTER, doc.rule().center().qr(s.id().toString(), 18).feed(1).build());
    }

    private static String line(String key, long fen) {
        return Translations.translate(key, Translations.SIMPLIFIED) + " " + Money.yuan(fen);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

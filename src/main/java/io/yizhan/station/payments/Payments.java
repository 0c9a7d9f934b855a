package io.yizhan.station.payments;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.RefusedException;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes cash at the counter: records it, prints a receipt at the terminal, publishes {@link PaymentTaken}. */
@Service
public class Payments {

    public static final String CASH = "CASH";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final PrintQueue printing;
    private final StationProperties station;
    private final StationTime time;
    private final ApplicationEventPublisher events;

    Payments(JdbcClient jdbc, Clock clock, AuditLog audit, PrintQueue printing, StationProperties station, StationTime time,
             ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.printing = printing;
        this.station = station;
        this.time = time;
        this.events = events;
    }

    /**
     * Records cash received for a purpose (e.g. "代收货款 SF1234567890123") and prints the receipt.
     *
     * @param amountFen the amount in fen, more than 0
     */
    @Transactional
    public Payment takeCash(long amountFen, String purpose) {
        if (amountFen <= 0) {
            throw new RefusedException("payments.error.amount");
        }
        UUID id = UuidV7.next(clock);
        Instant now = clock.instant();
        String clerk = audit.currentActor();
        String terminal = CurrentTerminal.name();
        String what = purpose.length() > 80 ? purpose.substring(0, 80) : purpose;
        jdbc.sql("INSERT INTO payments_payment (id, amount_fen, method, purpose, clerk, terminal, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, amountFen, CASH, what, clerk, terminal, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        Payment payment = new Payment(id, amountFen, CASH, what, clerk, terminal, now);
        printing.printAt(terminal, DeviceKind.RECEIPT_PRINTER, receipt(payment));
        events.publishEvent(new PaymentTaken(UuidV7.next(clock), id, amountFen, CASH, what, now));
        return payment;
    }

    private PrintDocument receipt(Payment p) {
        var zh = Translations.SIMPLIFIED;
        return PrintDocument.builder("receipt").center().large(station.station().name())
                .bold(Translations.translate("payments.receipt.title", zh)).rule().left()
                .text(p.purpose())
                .text(Translations.translate("payments.receipt.amount", zh, Money.yuan(p.amountFen())))
                .text(Translations.translate("payments.receipt.method", zh))
                .text(Translations.translate("payments.receipt.clerk", zh, p.clerk(), p.terminal()))
                .text(time.dateTime(p.paidAt())).rule().center()
                .qr(p.id().toString(), 18).feed(1).build();
    }
}

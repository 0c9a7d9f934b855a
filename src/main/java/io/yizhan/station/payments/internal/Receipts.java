package io.yizhan.station.payments.internal;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.payments.Disbursements;
import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.Refund;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import org.springframework.stereotype.Component;

/**
 * The receipt of a payment, printed on the receipt printer of the terminal that took it; cash
 * receipts and slips also open the cash drawer where the printer has one.
 */
@Component
public class Receipts {

    private final PrintQueue printing;
    private final StationProperties station;
    private final StationTime time;

    Receipts(PrintQueue printing, StationProperties station, StationTime time) {
        this.printing = printing;
        this.station = station;
        this.time = time;
    }

    /** The refund slip: what went back, how, why, with a line for the resident's signature on cash. */
    public void printRefund(Refund r, String terminal) {
        var zh = Translations.SIMPLIFIED;
        var doc = PrintDocument.builder("refund").center().large(station.station().name())
                .bold(Translations.translate("payments.refund.slip", zh)).rule().left()
                .text(Translations.translate("payments.receipt.amount", zh, Money.yuan(r.amountFen())))
                .text(Translations.translate("payments.receipt.method." + (r.method().equals("CASH") ? "CASH" : "CODE"), zh))
                .text(Translations.translate("payments.refund.reason", zh, r.reason()))
                .text(Translations.translate("payments.receipt.clerk", zh, r.clerk(), terminal))
                .text(time.dateTime(r.createdAt()));
        if (r.method().equals("CASH")) {
            doc.feed(2).text(Translations.translate("payments.slip.signature", zh)).kickDrawer();
        }
        printing.printAt(terminal, DeviceKind.RECEIPT_PRINTER, doc.rule().center().qr(r.id().toString(), 18).feed(1).build());
    }

    /** The payout slip; cash ones carry a line for the payee's signature. */
    public void printDisbursement(Disbursements.Disbursement d) {
        var zh = Translations.SIMPLIFIED;
        var doc = PrintDocument.builder("disbursement").center().large(station.station().name())
                .bold(Translations.translate("payments.disbursement.slip", zh)).rule().left()
                .text(d.purpose())
                .text(Translations.translate("payments.receipt.amount", zh, Money.yuan(d.amountFen())))
                .text(Translations.translate("payments.disbursement.method." + d.method(), zh) + (d.reference() == null ? "" : " " + d.reference()))
                .text(Translations.translate("payments.receipt.clerk", zh, d.clerk(), d.terminal()))
                .text(time.dateTime(d.at()));
        if (d.method().equals("CASH")) {
            doc.feed(2).text(Translations.translate("payments.slip.signature", zh)).kickDrawer();
        }
        printing.printAt(d.terminal(), DeviceKind.RECEIPT_PRINTER, doc.rule().center().qr(d.id().toString(), 18).feed(1).build());
    }

    public void print(Payment p) {
        var zh = Translations.SIMPLIFIED;
        var doc = PrintDocument.builder("receipt").center().large(station.station().name())
                .bold(Translations.translate("payments.receipt.title", zh)).rule().left()
                .text(p.purpose())
                .text(Translations.translate("payments.receipt.amount", zh, Money.yuan(p.amountFen())))
                .text(Translations.translate("payments.receipt.method." + p.channel(), zh));
        if (p.tenderedFen() > 0) {
            doc.text(Translations.translate("payments.receipt.tendered", zh, Money.yuan(p.tenderedFen()), Money.yuan(p.changeFen())));
        }
        if (p.method().equals("CASH")) {
            doc.kickDrawer(); // the cash goes into the drawer as the receipt prints
        }
        printing.printAt(p.terminal(), DeviceKind.RECEIPT_PRINTER, doc
                .text(Translations.translate("payments.receipt.clerk", zh, p.clerk(), p.terminal()))
                .text(time.dateTime(p.paidAt())).rule().center()
                .qr(p.id().toString(), 18).feed(1).build());
    }
}

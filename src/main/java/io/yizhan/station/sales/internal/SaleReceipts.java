package io.yizhan.station.sales.internal;

import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.payments.Payment;
import io.yizhan.station.sales.Sale;
import io.yizhan.station.sales.SaleLine;
import io.yizhan.station.sales.Sales;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A sale's receipt on the receipt printer of its counter: each line (name, quantity × price, amount),
 * the total, how it was paid (cash with the change), the clerk and time, and a QR code of the sale
 * that brings it back for a return. A cash sale's receipt opens the drawer.
 */
@Component
public class SaleReceipts {

    private final PrintQueue printing;
    private final StationProperties station;
    private final StationTime time;

    SaleReceipts(PrintQueue printing, StationProperties station, StationTime time) {
        this.printing = printing;
        this.station = station;
        this.time = time;
    }

    public void print(Sale sale, Payment payment) {
        Locale zh = Translations.SIMPLIFIED;
        PrintDocument.Builder doc = PrintDocument.builder("sale-receipt").center().large(station.station().name())
                .bold(Translations.translate("sales.receipt.title", zh, Sales.number(sale.id()))).rule().left();
        for (SaleLine line : sale.lines()) {
            doc.text(line.name());
            doc.text("  " + Quantities.text(line.unit(), line.quantity(), zh) + " × " + Money.yuan(line.unitPriceFen()) + "   " + Money.yuan(line.amountFen()));
        }
        doc.rule().large(Translations.translate("sales.receipt.total", zh, Money.yuan(sale.totalFen())))
                .text(Translations.translate("payments.receipt.method." + payment.channel(), zh));
        if (payment.tenderedFen() > 0) {
            doc.text(Translations.translate("payments.receipt.tendered", zh, Money.yuan(payment.tenderedFen()), Money.yuan(payment.changeFen())));
        }
        if (payment.method().equals("CASH")) {
            doc.kickDrawer();
        }
        doc.text(Translations.translate("payments.receipt.clerk", zh, sale.clerk(), sale.terminal()))
                .text(time.dateTime(sale.createdAt())).rule().center()
                .text(Translations.translate("sales.receipt.return-hint", zh))
                .qr(sale.id().toString(), 20).feed(1);
        printing.printAt(sale.terminal(), DeviceKind.RECEIPT_PRINTER, doc.build());
    }
}

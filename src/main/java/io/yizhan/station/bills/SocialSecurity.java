package io.yizhan.station.bills;

import io.yizhan.contract.Billers;
import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.link.CentralCallFailed;
import io.yizhan.station.link.CentralLink;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * 社保查询 at the counter, for the person present with their ID card: the clerk confirms their
 * consent (audited, without the number); the answer is shown masked and printed only on request,
 * straight to the counter's receipt printer. The name, the ID number and the result are stored
 * nowhere — not in the database, the print tables, a spool, the logs, the outbox or the audit log.
 */
@Service
public class SocialSecurity {

    /** A person's record as shown: their name and ID number masked. */
    public record Result(String nameMasked, String idMasked, int monthsContributed, String lastPaidMonth, long balanceFen) {

        @Override
        public String toString() {
            return "Result[***]";
        }
    }

    private final CentralLink central;
    private final AuditLog audit;
    private final PrintQueue printing;
    private final StationProperties station;
    private final StationTime time;
    private final Clock clock;
    private final BillsProperties rules;

    SocialSecurity(CentralLink central, AuditLog audit, PrintQueue printing, StationProperties station, StationTime time, Clock clock,
                   BillsProperties rules) {
        this.central = central;
        this.audit = audit;
        this.printing = printing;
        this.station = station;
        this.time = time;
        this.clock = clock;
        this.rules = rules;
    }

    /** Refused: {@code CONSENT_REQUIRED}, {@code BAD_ID_NUMBER} (400), {@code NOT_FOUND} (404), {@code CENTRAL_UNREACHABLE} (503). */
    public Result query(@Nullable String name, @Nullable String idNumber, boolean consent) {
        if (!consent) {
            throw new BillRefused("CONSENT_REQUIRED", 400, "bills.error.consent");
        }
        String who = name == null ? "" : name.strip();
        String id = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
        if (who.isEmpty() || who.length() > 30 || !Billers.idNumber(id)) {
            throw new BillRefused("BAD_ID_NUMBER", 400, "bills.error.id-number");
        }
        audit.record("bills.social-security", Translations.translate("bills.social.audit", Translations.SIMPLIFIED));
        Billers.PensionRecord r;
        try {
            r = central.post(Billers.SOCIAL_SECURITY, new Billers.PensionQuery(who, id), Billers.PensionRecord.class, rules.centralWait());
        } catch (CentralCallFailed e) {
            throw new BillRefused("CENTRAL_UNREACHABLE", 503, "bills.error.central-away");
        }
        return switch (r.code()) {
            case "OK" -> new Result(io.yizhan.station.shared.PersonalData.maskName(who), Billers.mask(id), r.monthsContributed(), r.lastPaidMonth(), r.balanceFen());
            case "NOT_FOUND" -> throw new BillRefused("NOT_FOUND", 404, "bills.error.no-record");
            default -> throw new BillRefused("BAD_ID_NUMBER", 400, "bills.error.id-number");
        };
    }

    /** True when this counter has a receipt printer that prints without keeping a copy. */
    public boolean canPrint() {
        return printing.canPrintNow(CurrentTerminal.name(), DeviceKind.RECEIPT_PRINTER);
    }

    /** Prints the shown result straight to this counter's receipt printer: no queue, no preview, no file. */
    public void print(Result r) {
        Locale zh = Translations.SIMPLIFIED;
        printing.printNow(CurrentTerminal.name(), DeviceKind.RECEIPT_PRINTER, PrintDocument.builder("social-security").center()
                .large(station.station().name()).huge(Translations.translate("bills.social.title", zh)).left()
                .large(Translations.translate("bills.social.person", zh, r.nameMasked(), r.idMasked()))
                .large(Translations.translate("bills.social.months", zh, r.monthsContributed()))
                .large(Translations.translate("bills.social.last", zh, r.lastPaidMonth()))
                .large(Translations.translate("bills.social.balance", zh, Money.yuan(r.balanceFen())))
                .text(time.dateTime(clock.instant())).feed(1).build());
    }

}

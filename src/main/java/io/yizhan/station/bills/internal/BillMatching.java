package io.yizhan.station.bills.internal;

import io.yizhan.contract.Billers;
import io.yizhan.station.bills.BillPayment;
import io.yizhan.station.bills.BillRefused;
import io.yizhan.station.bills.BillStatus;
import io.yizhan.station.bills.Bills;
import io.yizhan.station.bills.BillsProperties;
import io.yizhan.station.link.CentralCallFailed;
import io.yizhan.station.link.CentralLink;
import io.yizhan.station.payments.ServiceMatching;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The daily matching of bill payments and top-ups: every order the station made that day against
 * central's write-off list (that day's and the next, where orders accepted offline late in the
 * evening land). A written-off order the station refunded, a paid one central did not write off,
 * different amounts, orders still open, and write-offs the station does not know are listed.
 */
@Component
class BillMatching implements ServiceMatching {

    private final Bills bills;
    private final CentralLink central;
    private final BillsProperties rules;

    BillMatching(Bills bills, CentralLink central, BillsProperties rules) {
        this.bills = bills;
        this.central = central;
        this.rules = rules;
    }

    @Override
    public String titleKey() {
        return "bills.match.title";
    }

    @Override
    public List<Difference> differences(LocalDate day) {
        Map<String, Billers.WriteOffState> atCentral = new LinkedHashMap<>();
        List<Billers.WriteOffState> ofTheDay = list(day);
        ofTheDay.forEach(w -> atCentral.put(w.stationOrderNo(), w));
        list(day.plusDays(1)).forEach(w -> atCentral.putIfAbsent(w.stationOrderNo(), w));
        List<Difference> differences = new ArrayList<>();
        java.util.Set<String> known = new java.util.HashSet<>();
        for (BillPayment b : bills.ofDay(day)) {
            if (b.status() == BillStatus.CANCELLED || b.status() == BillStatus.CREATED) {
                continue;
            }
            known.add(b.orderNo());
            Billers.WriteOffState w = atCentral.get(b.orderNo());
            String centralStatus = w == null ? null : w.status();
            String what = switch (b.status()) {
                case SUCCEEDED -> !"SUCCESS".equals(centralStatus) ? "bills.match.not-written-off"
                        : w.amountFen() != b.amountFen() ? "bills.match.amount" : null;
                case REFUNDED, FAILED -> "SUCCESS".equals(centralStatus) || "PROCESSING".equals(centralStatus) ? "bills.match.refunded-written-off" : null;
                default -> "bills.match.open";
            };
            if (what != null) {
                differences.add(new Difference(b.orderNo(), b.accountMasked(), what, b.status().name(), centralStatus, b.amountFen(),
                        w == null ? null : w.amountFen()));
            }
        }
        for (Billers.WriteOffState w : ofTheDay) {
            if (!known.contains(w.stationOrderNo()) && bills.byOrderNo(w.stationOrderNo()).isEmpty()) {
                differences.add(new Difference(w.stationOrderNo(), w.accountMasked(), "bills.match.central-only", null, w.status(), null, w.amountFen()));
            }
        }
        return differences;
    }

    private List<Billers.WriteOffState> list(LocalDate day) {
        try {
            return Arrays.asList(central.get(Billers.WRITE_OFFS + "?date=" + day, Billers.WriteOffState[].class, rules.centralWait()));
        } catch (CentralCallFailed e) {
            throw new BillRefused("CENTRAL_UNREACHABLE", 503, "bills.error.central-away");
        }
    }
}

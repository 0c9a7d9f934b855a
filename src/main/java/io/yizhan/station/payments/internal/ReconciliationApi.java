package io.yizhan.station.payments.internal;

import io.yizhan.station.payments.Reconciliation;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 对账 over the API (any staff, as every payments call; deciding a difference is the manager's, on
 * the reconciliation screen): a day's result (run now if it never ran), and a run on demand.
 */
@RestController
class ReconciliationApi {

    record ItemOut(String outTradeNo, @Nullable String outRefundNo, String kind, @Nullable Long stationFen, @Nullable Long channelFen,
                   String resolution) {
    }

    record ReportOut(LocalDate date, int matched, int localOnly, int channelOnly, int amountMismatch, int statusMismatch, List<ItemOut> items) {

        static ReportOut of(Reconciliation.Report r) {
            return new ReportOut(r.date(), r.matched(), r.localOnly(), r.channelOnly(), r.amountMismatch(), r.statusMismatch(),
                    r.items().stream().map(i -> new ItemOut(i.outTradeNo(), i.outRefundNo(), i.kind(), i.stationFen(), i.channelFen(),
                            i.resolution())).toList());
        }
    }

    private final Reconciliation reconciliation;

    ReconciliationApi(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/api/reconciliation/{date}")
    ReportOut report(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return ReportOut.of(reconciliation.report(date));
    }

    @PostMapping("/api/reconciliation/{date}/run")
    ReportOut run(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return ReportOut.of(reconciliation.run(date));
    }
}

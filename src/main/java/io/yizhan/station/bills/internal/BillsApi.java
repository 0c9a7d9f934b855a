package io.yizhan.station.bills.internal;

import io.yizhan.station.bills.BillPayment;
import io.yizhan.station.bills.Bills;
import io.yizhan.station.bills.SocialSecurity;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bills, top-up and the social-security query for staff (HTTP Basic, JSON; errors {@code {code,
 * message}}). Cash needs the counter's {@code X-Terminal}.
 */
@RestController
class BillsApi {

    record LookupRequest(@Nullable String kind, @Nullable String account) {
    }

    record LookupAnswer(String billerName, String holderMasked, String period, long amountDueFen) {
    }

    record Paid(UUID id, String stationOrderNo, String kind, String status, @Nullable UUID paymentId, @Nullable String writeOffRef) {
    }

    record PensionRequest(@Nullable String name, @Nullable String idNumber, @Nullable Boolean consent) {

        @Override
        public String toString() {
            return "PensionRequest[***]";
        }
    }

    record PensionAnswer(int monthsContributed, String lastPaidMonth, long balanceFen) {
    }

    private final Bills bills;
    private final SocialSecurity socialSecurity;

    BillsApi(Bills bills, SocialSecurity socialSecurity) {
        this.bills = bills;
        this.socialSecurity = socialSecurity;
    }

    @PostMapping("/api/bills/lookup")
    LookupAnswer lookup(@RequestBody LookupRequest request) {
        Bills.Due due = bills.lookup(request.kind(), request.account());
        return new LookupAnswer(due.billerName(), due.holderMasked(), due.period(), due.amountDueFen());
    }

    @PostMapping("/api/bills/payments")
    ResponseEntity<Paid> pay(@RequestBody Bills.Request request) {
        Bills.Made made = bills.pay(request);
        return ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK).body(paid(made.bill()));
    }

    @GetMapping("/api/bills/payments/{id}")
    Paid payment(@PathVariable UUID id) {
        return paid(bills.find(id));
    }

    /** The day's bill payments and top-ups (the station's zone; today when no date is given), newest first. */
    @GetMapping("/api/bills/payments")
    java.util.List<Paid> day(@org.springframework.web.bind.annotation.RequestParam(required = false)
                             @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                             java.time.@Nullable LocalDate date) {
        return bills.ofDay(date == null ? bills.today() : date).stream().map(BillsApi::paid).toList();
    }

    @PostMapping("/api/topups")
    ResponseEntity<Paid> topUp(@RequestBody Bills.TopUpRequest request) {
        Bills.Made made = bills.topUp(request);
        return ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK).body(paid(made.bill()));
    }

    @GetMapping("/api/topups/{id}")
    Paid topUp(@PathVariable UUID id) {
        return paid(bills.find(id));
    }

    @PostMapping("/api/social-security/query")
    PensionAnswer pension(@RequestBody PensionRequest request) {
        SocialSecurity.Result r = socialSecurity.query(request.name(), request.idNumber(), Boolean.TRUE.equals(request.consent()));
        return new PensionAnswer(r.monthsContributed(), r.lastPaidMonth(), r.balanceFen());
    }

    private static Paid paid(BillPayment b) {
        return new Paid(b.id(), b.orderNo(), b.kind().name(), b.status().name(), b.paymentId(), b.writeOffRef());
    }
}

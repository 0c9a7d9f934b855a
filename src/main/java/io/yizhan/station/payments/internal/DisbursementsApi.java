package io.yizhan.station.payments.internal;

import io.yizhan.station.payments.Disbursements;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Money paid out that is not a refund: cash from the calling counter's drawer, or bank / WeChat with a reference. */
@RestController
class DisbursementsApi {

    record DisbursementIn(@Nullable Long amountFen, @Nullable String purpose, @Nullable String method, @Nullable String reference,
                          @Nullable String idempotencyKey) {
    }

    record DisbursementOut(UUID id, String status, String method, long amountFen) {
    }

    private final Disbursements disbursements;

    DisbursementsApi(Disbursements disbursements) {
        this.disbursements = disbursements;
    }

    @PostMapping("/api/disbursements")
    ResponseEntity<DisbursementOut> disburse(@RequestBody DisbursementIn in) {
        Disbursements.Made made = disbursements.disburse(in.amountFen() == null ? 0 : in.amountFen(), in.purpose() == null ? "" : in.purpose(),
                in.method() == null ? "" : in.method(), in.reference(), in.idempotencyKey() == null ? "" : in.idempotencyKey());
        Disbursements.Disbursement d = made.disbursement();
        return ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new DisbursementOut(d.id(), d.status(), d.method(), d.amountFen()));
    }
}

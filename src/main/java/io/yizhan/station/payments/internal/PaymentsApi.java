package io.yizhan.station.payments.internal;

import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.payments.PaymentRequest;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.payments.Refund;
import io.yizhan.station.payments.Refunds;
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
 * The payments API (staff, HTTP Basic, JSON; errors {@code {code, message}} in the request's
 * language). The terminal is the paired browser's, or the counter named in {@code X-Terminal}.
 */
@RestController
class PaymentsApi {

    record PaymentIn(@Nullable Long amountFen, @Nullable String purpose, @Nullable String method, @Nullable String authCode,
                     @Nullable Long tenderedFen, @Nullable String idempotencyKey) {

        @Override
        public String toString() {
            return "PaymentIn[" + amountFen + ", " + method + "]";
        }
    }

    /** A payment as the API shows it. */
    record PaymentOut(UUID id, String status, String method, String channel, long amountFen, long changeFen, long refundedFen,
                      @Nullable String reason) {

        static PaymentOut of(Payment p) {
            return new PaymentOut(p.id(), p.status().name(), p.method(), p.channel(), p.amountFen(), p.changeFen(), p.refundedFen(), p.reason());
        }
    }

    record RefundIn(@Nullable Long amountFen, @Nullable String reason, @Nullable String idempotencyKey) {
    }

    /** A refund as the API shows it; {@code status} PENDING, SUCCEEDED or FAILED (AWAITING_HANDOVER away from a counter). */
    record RefundOut(UUID id, UUID paymentId, String status, long amountFen, @Nullable String reason) {

        static RefundOut of(Refund r) {
            return new RefundOut(r.id(), r.paymentId(), r.status(), r.amountFen(), r.failReason());
        }
    }

    private final Payments payments;
    private final Refunds refunds;

    PaymentsApi(Payments payments, Refunds refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @PostMapping("/api/payments/{id}/refunds")
    ResponseEntity<RefundOut> refund(@PathVariable UUID id, @RequestBody RefundIn in) {
        Refunds.Made made = refunds.refund(id, in.amountFen() == null ? 0 : in.amountFen(), in.reason() == null ? "" : in.reason(),
                in.idempotencyKey() == null ? "" : in.idempotencyKey(), null);
        return ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK).body(RefundOut.of(made.refund()));
    }

    @GetMapping("/api/payments/{id}/refunds/{refundId}")
    RefundOut refund(@PathVariable UUID id, @PathVariable UUID refundId) {
        return refunds.find(refundId).filter(r -> r.paymentId().equals(id)).map(RefundOut::of)
                .orElseThrow(() -> new PaymentRefused("NOT_FOUND", 404, "payments.error.not-found"));
    }

    @PostMapping("/api/payments")
    ResponseEntity<PaymentOut> take(@RequestBody PaymentIn in) {
        Payments.Taken taken = payments.take(new PaymentRequest(in.amountFen() == null ? 0 : in.amountFen(), in.purpose() == null ? "" : in.purpose(),
                in.method() == null ? "" : in.method(), in.authCode(), in.tenderedFen(), in.idempotencyKey() == null ? "" : in.idempotencyKey()));
        return ResponseEntity.status(taken.created() ? HttpStatus.CREATED : HttpStatus.OK).body(PaymentOut.of(taken.payment()));
    }

    @GetMapping("/api/payments/{id}")
    PaymentOut get(@PathVariable UUID id) {
        return PaymentOut.of(payments.find(id).orElseThrow(() -> new PaymentRefused("NOT_FOUND", 404, "payments.error.not-found")));
    }

    record RetryIn(@Nullable String authCode) {

        @Override
        public String toString() {
            return "RetryIn[…]";
        }
    }

    /** Another payment code for a code payment that failed: the same payment, a new trade. */
    @PostMapping("/api/payments/{id}/retry")
    PaymentOut retry(@PathVariable UUID id, @RequestBody RetryIn in) {
        return PaymentOut.of(payments.retry(id, in.authCode() == null ? "" : in.authCode()));
    }

    /** 取消: reverses a payment still waiting for the resident's password. */
    @PostMapping("/api/payments/{id}/cancel")
    PaymentOut cancel(@PathVariable UUID id) {
        return PaymentOut.of(payments.cancel(id));
    }
}

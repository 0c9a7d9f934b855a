package io.yizhan.station.sales.internal;

import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.payments.Refunds;
import io.yizhan.station.sales.Sale;
import io.yizhan.station.sales.Sales;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles what a crash or a lost answer left open, also right after a restart: a {@code PENDING} sale
 * follows its payment (paid, or cancelled with the stock back); a sale whose payment never came to be
 * (a crash between recording the sale and the payment) is cancelled after {@link #NO_PAYMENT_AFTER};
 * a return whose refund was never asked for asks now. A payment that succeeds for a sale already
 * cancelled is refunded in full, since the goods stayed on the shelf. A poll, not an event listener:
 * a listener on every payment would cost each cash sale two more forced commits.
 */
@Component
class PendingSales {

    private static final Logger log = LoggerFactory.getLogger(PendingSales.class);
    /** Far longer than a payment call may take before its record exists. */
    static final Duration NO_PAYMENT_AFTER = Duration.ofMinutes(2);
    static final Duration REFUND_AFTER = Duration.ofSeconds(30);
    /** Reconciliation may complete (补单) a payment the day after; cancelled sales are watched that long. */
    static final Duration LATE_PAYMENT_WINDOW = Duration.ofDays(3);

    private final Sales sales;
    private final Payments payments;
    private final Refunds refunds;
    private final SaleRepository repository;
    private final Clock clock;

    PendingSales(Sales sales, Payments payments, Refunds refunds, SaleRepository repository, Clock clock) {
        this.sales = sales;
        this.payments = payments;
        this.refunds = refunds;
        this.repository = repository;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${yizhan.sales.settle-every:2s}", initialDelay = 2000)
    public void settleDue() {
        Instant now = clock.instant();
        for (Sale sale : sales.pending()) {
            Optional<Payment> payment = sale.paymentId() != null ? payments.find(sale.paymentId()) : payments.byIdempotencyKey(sale.paymentKey());
            if (payment.isPresent()) {
                sales.settle(sale.id(), payment.get());
            } else if (sale.createdAt().plus(NO_PAYMENT_AFTER).isBefore(now)) {
                log.warn("sale {} has had no payment for {}: cancelled, its stock put back", sale.id(), NO_PAYMENT_AFTER);
                sales.cancel(sale.id());
            }
        }
        for (UUID returnId : sales.unrefunded(now.minus(REFUND_AFTER))) {
            sales.refund(returnId);
        }
        for (Sale cancelled : repository.cancelledCodeSalesSince(now.minus(LATE_PAYMENT_WINDOW))) {
            payments.byIdempotencyKey(cancelled.paymentKey()).filter(p -> p.status().paid() && p.refundedFen() < p.amountFen())
                    .ifPresent(p -> refundLatePayment(cancelled, p));
        }
    }

    /**
     * A payment that succeeded after its sale was cancelled (it raced the crash job, or reconciliation
     * completed it a day later): the goods stayed on the shelf, so the money goes back, under a key of its
     * own so it is refunded once.
     */
    private void refundLatePayment(Sale sale, Payment payment) {
        log.warn("payment {} succeeded for sale {}, which was cancelled: refunding it", payment.id(), sale.id());
        try {
            refunds.refund(payment.id(), payment.amountFen() - payment.refundedFen(), "销售已取消 " + Sales.number(sale.id()),
                    "sale-cancelled:" + sale.id(), "system");
        } catch (PaymentRefused refused) {
            log.warn("payment {} for cancelled sale {}: refund refused ({})", payment.id(), sale.id(), refused.code());
        }
    }
}

package io.yizhan.station.payments;

import io.yizhan.station.counter.CounterRequests;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Makes the kiosk's pay step ({@link KioskPayStep}) for a kiosk service that takes money. */
@Service
public class KioskPay {

    private final Payments payments;
    private final CounterRequests requests;

    KioskPay(Payments payments, CounterRequests requests) {
        this.payments = payments;
        this.requests = requests;
    }

    /**
     * A pay step for {@code amountFen}: {@code paid} runs once the payment succeeded; {@code speak} says
     * each sentence the step shows (the kiosk's voice).
     */
    public KioskPayStep step(long amountFen, String purpose, Consumer<Payment> paid, Consumer<String> speak) {
        return new KioskPayStep(payments, requests, amountFen, purpose, null, paid, speak);
    }

    /**
     * As {@link #step(long, String, Consumer, Consumer)}, the payment taken under the caller's
     * idempotency key, so the caller's background job finds it (by {@link Payments#byIdempotencyKey})
     * should the kiosk be left while it is pending.
     */
    public KioskPayStep step(long amountFen, String purpose, String idempotencyKey, Consumer<Payment> paid, Consumer<String> speak) {
        return new KioskPayStep(payments, requests, amountFen, purpose, idempotencyKey, paid, speak);
    }
}

package io.yizhan.station.payments;

import io.yizhan.contract.Wallet;
import io.yizhan.station.payments.internal.PaymentStore;
import io.yizhan.station.payments.internal.PaymentsProperties;
import io.yizhan.station.payments.internal.Receipts;
import io.yizhan.station.payments.internal.Settlement;
import io.yizhan.station.shared.Digests;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The station's one way to take money: cash at a counter, or a payment code (付款码) charged through
 * central. A payment is recorded before the channel is called, so a crash or a lost answer leaves a
 * {@code PENDING} payment that the background job asks about and brings to a final state; it is never
 * charged again blindly. Every success prints a receipt at its terminal and publishes
 * {@link PaymentTaken}.
 */
@Service
public class Payments {

    public static final String CASH = "CASH";
    public static final String CODE = "CODE";
    /** The service of money taken at the counter for nothing more specific (the payments API, the 收款 screen). */
    public static final String COUNTER = "COUNTER";
    /** Larger amounts are surely a typing mistake (¥1,000,000). */
    static final long MAX_FEN = 100_000_000L;

    private final PaymentStore store;
    private final Settlement settlement;
    private final Receipts receipts;
    private final PaymentsProperties rules;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditLog audit;
    private final StationTime time;
    private final ApplicationEventPublisher events;
    private final SecurityContextHolderStrategy security;
    private final CashSessions cashSessions;

    Payments(CashSessions cashSessions, PaymentStore store, Settlement settlement, Receipts receipts, PaymentsProperties rules, TransactionTemplate tx, Clock clock,
             AuditLog audit, StationTime time, ApplicationEventPublisher events, ObjectProvider<SecurityContextHolderStrategy> security) {
        this.cashSessions = cashSessions;
        this.store = store;
        this.settlement = settlement;
        this.receipts = receipts;
        this.rules = rules;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
        this.time = time;
        this.events = events;
        // the strategy method security uses (Vaadin's session-aware one in the running station)
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /**
     * Records cash received at the calling counter for a service (e.g. {@code PARCEL_COD}) and purpose
     * (e.g. "代收货款 SF1234567890123"), books it into the counter's drawer session and prints the
     * receipt, in the caller's transaction.
     *
     * @param amountFen the amount in fen, more than 0
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Payment takeCash(String service, long amountFen, String purpose) {
        return cash(service, amountFen, purpose, null, null, null, false);
    }

    /**
     * As {@link #takeCash(String, long, String)}, with the cash tendered (the change is recorded) and,
     * when {@code ownReceipt}, no payment receipt: the caller prints its own (a sale's receipt with its
     * lines), which also opens the drawer.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Payment takeCash(String service, long amountFen, String purpose, @Nullable Long tenderedFen, boolean ownReceipt) {
        return cash(service, amountFen, purpose, tenderedFen, null, null, ownReceipt);
    }

    /**
     * A payment code charged for a service (e.g. {@code SALE}) whose caller prints its own receipt when
     * {@code ownReceipt}; otherwise as {@link #take(PaymentRequest, String)}. Must not run inside the
     * caller's transaction: the payment is committed before central is called.
     */
    @Transactional(propagation = Propagation.NEVER)
    public Taken takeCode(String service, PaymentRequest request, @Nullable String approvedBy, boolean ownReceipt) {
        String key = idempotencyKey(request.idempotencyKey());
        String authCode = request.authCode() == null ? "" : request.authCode().replaceAll("\\s", "");
        String digest = Digests.sha256(request.amountFen() + "|" + request.purpose() + "|" + CODE + "|" + authCode + "|" + request.tenderedFen());
        Optional<PaymentStore.Keyed> earlier = store.byKey(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), digest);
        }
        try {
            return new Taken(code(request.amountFen(), request.purpose(), authCode, key, digest, approvedBy != null, service, ownReceipt), true);
        } catch (DuplicateKeyException raced) {
            return replay(store.byKey(key).orElseThrow(() -> raced), digest);
        }
    }

    /** The payment taken under an idempotency key, if any (a caller that crashed before it learnt the payment's id). */
    public Optional<Payment> byIdempotencyKey(String key) {
        return store.byKey(key).map(PaymentStore.Keyed::payment);
    }

    /** The idempotency key a payment was taken under. */
    public Optional<String> idempotencyKeyOf(UUID paymentId) {
        return store.keyOf(paymentId);
    }

    /**
     * Takes a payment as asked. Cash succeeds at once; a code payment answers {@code SUCCEEDED},
     * {@code FAILED} (with the reason) or {@code PENDING} (the resident is typing the password, or
     * central's answer is late) — a pending one is settled in the background, see {@link #find}.
     * The same idempotency key with the same request returns the first payment, with another request
     * it is refused ({@code IDEMPOTENCY_KEY_REUSED}).
     */
    public Taken take(PaymentRequest request) {
        return take(request, null);
    }

    /**
     * As {@link #take(PaymentRequest)}, with the second verification already given on the clerk's
     * screen by {@code approvedBy}, a manager whose password {@code ManagerApproval} checked.
     */
    public Taken take(PaymentRequest request, @Nullable String approvedBy) {
        String key = idempotencyKey(request.idempotencyKey());
        String method = request.method() == null ? "" : request.method().strip().toUpperCase(Locale.ROOT);
        String authCode = request.authCode() == null ? "" : request.authCode().replaceAll("\\s", "");
        String digest = Digests.sha256(request.amountFen() + "|" + request.purpose() + "|" + method + "|" + authCode + "|"
                + request.tenderedFen());
        Optional<PaymentStore.Keyed> earlier = store.byKey(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), digest);
        }
        try {
            return switch (method) {
                case CASH -> new Taken(tx.execute(s -> cash(COUNTER, request.amountFen(), request.purpose(), request.tenderedFen(), key,
                        digest, false)), true);
                case CODE -> new Taken(code(request.amountFen(), request.purpose(), authCode, key, digest, approvedBy != null, COUNTER, false), true);
                default -> throw new PaymentRefused("BAD_METHOD", 400, "payments.error.method");
            };
        } catch (DuplicateKeyException raced) {
            // the same key at the same moment (a double tap): the first one's payment is the answer
            return replay(store.byKey(key).orElseThrow(() -> raced), digest);
        }
    }

    /** A payment and whether this call created it (false: the same idempotency key came again). */
    public record Taken(Payment payment, boolean created) {
    }

    /**
     * The resident shows another payment code for a code payment that failed or was reversed (say,
     * after 余额不足): the same payment tries again under a new trade number. A payment that is paid
     * or still waiting is returned as it is.
     */
    public Payment retry(UUID id, String authCode) {
        String code = authCode == null ? "" : authCode.replaceAll("\\s", "");
        Payment payment = store.find(id).orElseThrow(() -> new PaymentRefused("NOT_FOUND", 404, "payments.error.not-found"));
        if (!payment.method().equals(CODE) || payment.status() == PaymentStatus.PENDING || payment.status().paid()) {
            return payment;
        }
        Wallet wallet = Wallet.of(code).orElseThrow(() -> new PaymentRefused("BAD_AUTH_CODE", 400, "payments.error.auth-code"));
        Instant now = clock.instant();
        String outTradeNo = UuidV7.next(clock).toString().replace("-", "");
        PaymentStore.Attempt attempt = tx.execute(s -> {
            if (!store.reopenForRetry(id, wallet.name(), now)) {
                return null;
            }
            if (!store.reserveDay(time.date(payment.paidAt()), payment.amountFen(), rules.limits().codePerDayFen())) {
                throw new PaymentRefused("LIMIT_EXCEEDED", 409, "payments.error.limit-day");
            }
            store.insertAttempt(outTradeNo, id, wallet.name(), now, now.plus(rules.callTimeout()).plusSeconds(2));
            return store.attempt(outTradeNo).orElseThrow();
        });
        if (attempt != null) {
            settlement.pay(attempt, code, payment.amountFen(), payment.purpose());
        }
        return store.find(id).orElseThrow();
    }

    public Optional<Payment> find(UUID id) {
        return store.find(id);
    }

    /**
     * 取消: the clerk gives up waiting for a code payment. Its pending trade is reversed at central
     * (retried until central confirms); the payment ends {@code REVOKED} — or {@code SUCCEEDED}, if the
     * resident's confirmation got there first.
     */
    public Payment cancel(UUID id) {
        Payment payment = store.find(id).orElseThrow(() -> new PaymentRefused("NOT_FOUND", 404, "payments.error.not-found"));
        if (payment.status() != PaymentStatus.PENDING) {
            return payment;
        }
        audit.record("payments.cancel", id.toString());
        store.wantReverse(id, clock.instant());
        for (PaymentStore.Attempt a : store.attemptsOf(id)) {
            if (a.status().equals("PENDING")) {
                settlement.step(store.attempt(a.outTradeNo()).orElseThrow());
            }
        }
        return store.find(id).orElseThrow();
    }

    private Taken replay(PaymentStore.Keyed earlier, String digest) {
        if (!digest.equals(earlier.requestSha256())) {
            throw new PaymentRefused("IDEMPOTENCY_KEY_REUSED", 409, "payments.error.key-reused");
        }
        return new Taken(earlier.payment(), false);
    }

    private Payment cash(String service, long amountFen, String purpose, @Nullable Long tenderedFen, @Nullable String key,
                         @Nullable String digest, boolean ownReceipt) {
        checkAmount(amountFen);
        String terminal = CashSessions.counterTerminal();
        if (rules.limits().cashPerPaymentFen() > 0 && amountFen > rules.limits().cashPerPaymentFen()) {
            throw new PaymentRefused("LIMIT_EXCEEDED", 409, "payments.error.limit-payment");
        }
        long tendered = tenderedFen == null ? 0 : tenderedFen;
        if (tenderedFen != null && tendered < amountFen) {
            throw new PaymentRefused("TENDERED_TOO_LOW", 400, "payments.error.tendered");
        }
        Instant now = clock.instant();
        Payment payment = new Payment(UuidV7.next(clock), amountFen, CASH, CASH, PaymentStatus.SUCCEEDED, what(purpose), audit.currentActor(),
                terminal, now, tendered, tenderedFen == null ? 0 : tendered - amountFen, 0, 0, null);
        store.insert(payment, key, digest);
        CashMovement booked = cashSessions.book(terminal, "PAYMENT", amountFen, payment.id(), service, payment.purpose());
        store.inSession(payment.id(), booked.sessionId(), service);
        if (ownReceipt) {
            store.ownReceipt(payment.id());
        } else {
            receipts.print(payment);
        }
        events.publishEvent(new PaymentTaken(UuidV7.next(clock), payment.id(), amountFen, CASH, payment.purpose(), now, CASH));
        return payment;
    }

    private Payment code(long amountFen, String purpose, String authCode, String key, String digest, boolean approved, String service,
                         boolean ownReceipt) {
        checkAmount(amountFen);
        Wallet wallet = Wallet.of(authCode).orElseThrow(() -> new PaymentRefused("BAD_AUTH_CODE", 400, "payments.error.auth-code"));
        if (rules.limits().codePerPaymentFen() > 0 && amountFen > rules.limits().codePerPaymentFen()) {
            throw new PaymentRefused("LIMIT_EXCEEDED", 409, "payments.error.limit-payment");
        }
        if (amountFen > rules.secondCheckFen() && !approved && !callerIsManager()) {
            throw new PaymentRefused("SECOND_CHECK_REQUIRED", 403, "payments.error.second-check");
        }
        Instant now = clock.instant();
        Payment payment = new Payment(UuidV7.next(clock), amountFen, CODE, wallet.name(), PaymentStatus.PENDING, what(purpose),
                audit.currentActor(), CurrentTerminal.name(), now, 0, 0, 0, 0, null);
        String outTradeNo = UuidV7.next(clock).toString().replace("-", "");
        // recorded (and forced to the device) before central is called: a crash from here on leaves a PENDING payment to settle
        PaymentStore.Attempt attempt = tx.execute(s -> {
            store.insert(payment, key, digest);
            store.service(payment.id(), service, ownReceipt);
            if (!store.reserveDay(time.date(now), amountFen, rules.limits().codePerDayFen())) {
                throw new PaymentRefused("LIMIT_EXCEEDED", 409, "payments.error.limit-day");
            }
            // nobody else asks about it before the pay call has had its full time to answer
            store.insertAttempt(outTradeNo, payment.id(), wallet.name(), now, now.plus(rules.callTimeout()).plusSeconds(2));
            return store.attempt(outTradeNo).orElseThrow();
        });
        settlement.pay(attempt, authCode, amountFen, payment.purpose());
        return store.find(payment.id()).orElseThrow();
    }

    /** A caller's idempotency key, stripped: 1 to 80 characters, else {@code BAD_IDEMPOTENCY_KEY}. */
    public static String idempotencyKey(@Nullable String raw) {
        String key = raw == null ? "" : raw.strip();
        if (key.isEmpty() || key.length() > 80) {
            throw new PaymentRefused("BAD_IDEMPOTENCY_KEY", 400, "payments.error.idempotency-key");
        }
        return key;
    }

    private static void checkAmount(long amountFen) {
        if (amountFen <= 0 || amountFen > MAX_FEN) {
            throw new PaymentRefused("BAD_AMOUNT", 400, "payments.error.amount");
        }
    }

    private static String what(@Nullable String purpose) {
        String p = purpose == null || purpose.isBlank() ? "收款" : purpose.strip();
        return p.length() > 80 ? p.substring(0, 80) : p;
    }

    /** How long a screen waits for a final answer before it says the payment will be settled by itself. */
    public java.time.Duration slowNotice() {
        return rules.slowNotice();
    }

    /** Code payments above this amount need a manager's second verification. */
    public long secondCheckFen() {
        return rules.secondCheckFen();
    }

    /** True when the signed-in user is a manager (or admin): no second verification needed. */
    public boolean callerIsManager() {
        Authentication auth = security.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_MANAGER".equals(a.getAuthority()));
    }
}

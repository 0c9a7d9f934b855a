package io.yizhan.station.bills;

import io.yizhan.contract.Billers;
import io.yizhan.station.bills.internal.BillRepository;
import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.link.CentralCallFailed;
import io.yizhan.station.link.CentralLink;
import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.payments.PaymentRequest;
import io.yizhan.station.payments.PaymentStatus;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.payments.Refunds;
import io.yizhan.station.shared.DailyNumbers;
import io.yizhan.station.shared.Digests;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.SecretBox;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.TerminalKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bill payments and phone top-ups. The order is recorded before money is taken and the money before
 * the write-off is sent; the write-off is marked {@code SUBMITTED} (and committed) before central is
 * called. So a crash or a lost answer leaves an order the background job finishes: {@code PAID} is
 * submitted (it surely never left), {@code SUBMITTED} and {@code UNKNOWN} are asked about — never sent
 * again — and a number central never saw is cancelled there before the money goes back. A write-off
 * that fails is refunded in full to the original method.
 */
@Service
public class Bills {

    private static final Logger log = LoggerFactory.getLogger(Bills.class);
    public static final String SERVICE = "BILLS";
    public static final String COUNTER = "COUNTER";
    public static final String KIOSK = "KIOSK";
    /** The finished states as an SQL list, {@code 'SUCCEEDED', 'REFUNDED', 'CANCELLED'}. */
    private static final String FINISHED = String.join(", ", java.util.Arrays.stream(BillStatus.values()).filter(BillStatus::finished)
            .map(st -> "'" + st.name() + "'").toList());

    /** How the resident pays: {@code CASH} (with the cash tendered) or {@code CODE} (the payment code). */
    public record Pay(@Nullable String method, @Nullable String authCode, @Nullable Long tenderedFen) {

        @Override
        public String toString() {
            return "Pay[" + method + "]";
        }
    }

    /** A bill to pay: the kind, the 10-digit account, the amount due, the payment, the caller's idempotency key. */
    public record Request(@Nullable String kind, @Nullable String account, long amountFen, @Nullable Pay payment, @Nullable String idempotencyKey) {

        @Override
        public String toString() {
            return "Request[" + kind + ", " + Billers.mask(account) + ", " + amountFen + "]";
        }
    }

    /** A top-up: the mobile number, a denomination, the payment, the caller's idempotency key. */
    public record TopUpRequest(@Nullable String phone, long amountFen, @Nullable Pay payment, @Nullable String idempotencyKey) {

        @Override
        public String toString() {
            return "TopUpRequest[" + Billers.mask(phone) + ", " + amountFen + "]";
        }
    }

    /** What an account owes, as the biller says. */
    public record Due(BillKind kind, String account, String billerName, String holderMasked, String period, long amountDueFen) {

        @Override
        public String toString() {
            return "Due[" + kind + ", " + Billers.mask(account) + ", " + amountDueFen + "]";
        }
    }

    /** A payment and whether this call created it (false: the same idempotency key came again). */
    public record Made(BillPayment bill, boolean created) {
    }

    private final BillRepository bills;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CentralLink central;
    private final Payments payments;
    private final Refunds refunds;
    private final PrintQueue printing;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final StationTime time;
    private final StationProperties station;
    private final ApplicationEventPublisher events;
    private final BillsProperties rules;
    private final DailyNumbers numbers;

    Bills(BillRepository bills, JdbcClient jdbc, TransactionTemplate tx, Clock clock, CentralLink central, Payments payments, Refunds refunds,
          PrintQueue printing, SecretBox secrets, AuditLog audit, StationTime time, StationProperties station, ApplicationEventPublisher events,
          BillsProperties rules, DailyNumbers numbers) {
        this.bills = bills;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.central = central;
        this.payments = payments;
        this.refunds = refunds;
        this.printing = printing;
        this.secrets = secrets;
        this.audit = audit;
        this.time = time;
        this.station = station;
        this.events = events;
        this.rules = rules;
        this.numbers = numbers;
    }

    // ---------------------------------------------------------------- asking

    /**
     * What the account owes. Refused: {@code BAD_ACCOUNT} (400), {@code NO_SUCH_ACCOUNT} (404),
     * {@code NO_ARREARS}, {@code BATCH_DEDUCTION_WINDOW} (409), {@code CENTRAL_UNREACHABLE} (503).
     */
    public Due lookup(@Nullable String kind, @Nullable String account) {
        BillKind k = billKind(kind);
        String acct = account(account);
        Billers.Due due;
        try {
            due = central.post(Billers.LOOKUP, new Billers.Lookup(k.name(), acct), Billers.Due.class, rules.centralWait());
        } catch (CentralCallFailed e) {
            throw new BillRefused("CENTRAL_UNREACHABLE", 503, "bills.error.central-away");
        }
        return switch (due.code()) {
            case "OK" -> new Due(k, acct, due.billerName(), due.holderMasked(), due.period(), due.amountDueFen());
            case "NO_SUCH_ACCOUNT" -> throw new BillRefused("NO_SUCH_ACCOUNT", 404, "bills.error.no-such-account");
            case "NO_ARREARS" -> throw new BillRefused("NO_ARREARS", 409, "bills.error.no-arrears");
            case "BATCH_DEDUCTION_WINDOW" -> throw new BillRefused("BATCH_DEDUCTION_WINDOW", 409, "bills.error.batch-window");
            default -> throw new BillRefused("BAD_ACCOUNT", 400, "bills.error.account");
        };
    }

    /** The carrier of a mobile number, as the top-up aggregator says (prefixes are a hint only: numbers move). */
    public String carrier(@Nullable String phone) {
        String p = phone(phone);
        Billers.Carrier c;
        try {
            c = central.post(Billers.TOPUP_CHECK, new Billers.PhoneCheck(p), Billers.Carrier.class, rules.centralWait());
        } catch (CentralCallFailed e) {
            throw new BillRefused("CENTRAL_UNREACHABLE", 503, "bills.error.central-away");
        }
        if (!c.code().equals("OK")) {
            throw new BillRefused("BAD_PHONE", 400, "bills.error.phone");
        }
        return c.carrier();
    }

    // ---------------------------------------------------------------- paying

    /**
     * Pays a bill at the counter or over the API: the amount must be the amount due
     * ({@code AMOUNT_MISMATCH}); an account paid today is refused ({@code ALREADY_PAID}). With
     * central away, cash at a counter is accepted as {@code ACCEPTED_OFFLINE} for the amount on the
     * paper bill, submitted when the link is back; anything else is {@code CENTRAL_UNREACHABLE}. The
     * payment's own refusals pass through unchanged.
     */
    public Made pay(Request r) {
        String key = Payments.idempotencyKey(r.idempotencyKey());
        BillKind kind = billKind(r.kind());
        String account = account(r.account());
        Pay pay = pay(r.payment());
        String digest = Digests.sha256(kind + "|" + account + "|" + r.amountFen() + "|" + pay.method() + "|" + pay.authCode() + "|" + pay.tenderedFen());
        Optional<Made> earlier = replay(key, digest);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        checkAmount(r.amountFen());
        if (paidToday(kind, account)) {
            throw new BillRefused("ALREADY_PAID", 409, "bills.error.already-paid");
        }
        Due due;
        boolean offline = false;
        try {
            due = lookup(kind.name(), account);
        } catch (BillRefused away) {
            if (!away.code().equals("CENTRAL_UNREACHABLE") || !method(pay).equals(Payments.CASH) || !atCounter()) {
                throw away;
            }
            due = new Due(kind, account, "", "", "", r.amountFen());
            offline = true;
        }
        if (due.amountDueFen() != r.amountFen()) {
            throw new BillRefused("AMOUNT_MISMATCH", 409, "bills.error.amount-mismatch", Money.yuan(due.amountDueFen()));
        }
        return take(key, digest, due, null, pay, COUNTER, offline);
    }

    /** Tops up a mobile number with a denomination: {@code BAD_PHONE}, {@code BAD_DENOMINATION}; never offline. */
    public Made topUp(TopUpRequest r) {
        String key = Payments.idempotencyKey(r.idempotencyKey());
        String phone = phone(r.phone());
        Pay pay = pay(r.payment());
        String digest = Digests.sha256("TOPUP|" + phone + "|" + r.amountFen() + "|" + pay.method() + "|" + pay.authCode() + "|" + pay.tenderedFen());
        Optional<Made> earlier = replay(key, digest);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        denomination(r.amountFen());
        String carrier = carrier(phone);
        return take(key, digest, new Due(BillKind.TOPUP, phone, carrier, "", "", r.amountFen()), carrier, pay, COUNTER, false);
    }

    /**
     * The kiosk's order, made before its pay step: the bill looked up now (never offline) or the
     * top-up checked; {@code CREATED} until the pay step's payment (under {@link #paymentKey}) is
     * settled by {@link #settle}.
     */
    public BillPayment openAtKiosk(BillKind kind, String account, long amountFen) {
        Due due;
        String carrier = null;
        if (kind == BillKind.TOPUP) {
            String phone = phone(account);
            denomination(amountFen);
            carrier = carrier(phone);
            due = new Due(kind, phone, carrier, "", "", amountFen);
        } else {
            due = lookup(kind.name(), account);
            if (due.amountDueFen() != amountFen) {
                throw new BillRefused("AMOUNT_MISMATCH", 409, "bills.error.amount-mismatch", Money.yuan(due.amountDueFen()));
            }
            if (paidToday(kind, due.account())) {
                throw new BillRefused("ALREADY_PAID", 409, "bills.error.already-paid");
            }
        }
        String key = "kiosk-" + UUID.randomUUID();
        startDay(clock.instant());
        Due d = due;
        String c = carrier;
        try {
            return tx.execute(s -> insert(key, Digests.sha256(key), d, c, Payments.CODE, KIOSK, BillStatus.CREATED));
        } catch (DuplicateKeyException raced) {
            throw new BillRefused("ALREADY_PAID", 409, "bills.error.already-paid");
        }
    }

    /** The idempotency key the kiosk's pay step takes its payment under, so the background job finds it. */
    public static String paymentKey(BillPayment b) {
        return paymentKey(b.orderNo());
    }

    private static String paymentKey(String orderNo) {
        return "bill-pay-" + orderNo;
    }

    private Made take(String key, String digest, Due due, @Nullable String carrier, Pay pay, String channel, boolean offline) {
        String method = method(pay);
        String purpose = purpose(due.kind(), Billers.mask(due.account()));
        startDay(clock.instant());
        try {
            if (method.equals(Payments.CASH)) {
                BillPayment paid = tx.execute(s -> {
                    BillPayment b = insert(key, digest, due, carrier, method, channel, BillStatus.CREATED);
                    Payment cash = payments.takeCash(SERVICE, due.amountDueFen(), purpose, pay.tenderedFen(), true);
                    BillStatus to = offline ? BillStatus.ACCEPTED_OFFLINE : BillStatus.PAID;
                    move(b.id(), BillStatus.CREATED, to, "payment_id = ?", cash.id());
                    audit.record(offline ? "bills.accepted-offline" : "bills.paid", b.orderNo() + " " + b.accountMasked() + " " + Money.yuan(b.amountFen()));
                    return find(b.id());
                });
                if (offline) {
                    printOffline(paid);
                    return new Made(paid, true);
                }
                return new Made(submit(paid, true), true);
            }
            BillPayment created = tx.execute(s -> insert(key, digest, due, carrier, method, channel, BillStatus.CREATED));
            Payment payment;
            try {
                payment = payments.takeCode(SERVICE, new PaymentRequest(due.amountDueFen(), purpose, Payments.CODE, pay.authCode(), null,
                        paymentKey(created)), null, true).payment();
            } catch (RuntimeException refused) {
                cancel(created.id());
                throw refused;
            }
            return new Made(settle(created.id(), payment), true);
        } catch (DuplicateKeyException raced) {
            Optional<Made> same = replay(key, digest);
            if (same.isPresent()) {
                return same.get();
            }
            throw new BillRefused("ALREADY_PAID", 409, "bills.error.already-paid");
        }
    }

    private BillPayment insert(String key, String digest, Due due, @Nullable String carrier, String method, String channel, BillStatus status) {
        Instant now = clock.instant();
        String orderNo = nextOrderNo(now);
        // the kiosk's order claims the account's day only once paid: a resident who walks away from the pay step blocks nobody
        String live = due.kind().bill() && channel.equals(COUNTER) ? liveKey(due.kind(), due.account(), time.date(now)) : null;
        BillPayment b = new BillPayment(UuidV7.next(clock), null, orderNo, key, digest, due.kind(), secrets.seal(due.account()),
                Billers.mask(due.account()), live, blank(due.billerName()), blank(due.holderMasked()), blank(due.period()), carrier,
                due.amountDueFen(), status, channel, method, null, method.equals(Payments.CODE) ? paymentKey(orderNo) : null, null, null, null,
                null, null, audit.currentActor(), CurrentTerminal.name(), now, now, null, null, null);
        return bills.save(b);
    }

    /**
     * Brings an order in line with its payment: paid → {@code PAID} and submitted; failed or reversed
     * → {@code CANCELLED} and refused with the reason ({@code PAYMENT_FAILED}); pending → as it is.
     * A payment that succeeds for an order already given up is refunded.
     */
    public BillPayment settle(UUID id, Payment payment) {
        if (payment.status().paid()) {
            BillPayment open = find(id);
            String live = open.liveKey() == null && open.kind().bill() && open.accountSealed() != null
                    ? liveKey(open.kind(), account(open), time.date(open.createdAt())) : open.liveKey();
            try {
                tx.executeWithoutResult(s -> {
                    if (move(id, BillStatus.CREATED, BillStatus.PAID, "payment_id = ?, live_key = ?", payment.id(), live)) {
                        audit.record("bills.paid", open.orderNo() + " " + open.accountMasked() + " " + Money.yuan(open.amountFen()));
                    }
                });
            } catch (DuplicateKeyException paidMeanwhile) {
                // the account was paid today at the counter while the resident paid here: the money goes back
                if (move(id, BillStatus.CREATED, BillStatus.FAILED, "payment_id = ?, fail_code = 'ALREADY_PAID'", payment.id())) {
                    return refund(find(id));
                }
            }
            BillPayment b = find(id);
            if (b.status() == BillStatus.CANCELLED && b.paymentId() == null) {
                jdbc.sql("UPDATE bill_payment SET payment_id = ?, status = 'FAILED', fail_code = 'ABANDONED', version = version + 1 WHERE id = ? AND status = 'CANCELLED'")
                        .params(payment.id(), id).update();
                return refund(find(id));
            }
            return b.status() == BillStatus.PAID ? submit(b, true) : b;
        }
        if (payment.status() == PaymentStatus.FAILED || payment.status() == PaymentStatus.REVOKED) {
            cancel(id);
            throw new BillRefused("PAYMENT_FAILED", 402, "bills.error.payment-failed", payment.reason() == null ? "" : payment.reason());
        }
        return find(id);
    }

    /** An unpaid order given up: {@code CANCELLED}, its account free to be paid again today. */
    private void cancel(UUID id) {
        move(id, BillStatus.CREATED, BillStatus.CANCELLED, "live_key = NULL, finished_at = ?", utc(clock.instant()));
    }

    // ---------------------------------------------------------------- the write-off

    /** Sends a paid order's write-off: {@code SUBMITTED} is committed first, so a crash from here on is asked about, never resent. */
    private BillPayment submit(BillPayment b, boolean interactive) {
        Instant now = clock.instant();
        if (!move(b.id(), b.status(), BillStatus.SUBMITTED, "submitted_at = ?, query_after = ?", utc(now),
                utc(now.plus(rules.centralWait()).plusSeconds(2)))) {
            return find(b.id());
        }
        Billers.WriteOffState answer;
        try {
            answer = central.post(Billers.WRITE_OFFS, new Billers.WriteOff(b.orderNo(), b.kind().name(), account(b), b.amountFen()),
                    Billers.WriteOffState.class, rules.centralWait());
        } catch (CentralCallFailed e) {
            if (e.mayHaveArrived()) {
                move(b.id(), BillStatus.SUBMITTED, BillStatus.UNKNOWN, null);
                log.info("bill {}: no answer to its write-off, asked about from now on ({})", b.orderNo(), e.getMessage());
            } else {
                // surely never reached central: it stays paid, to be sent when central answers
                move(b.id(), BillStatus.SUBMITTED, BillStatus.PAID, "submitted_at = NULL, query_after = NULL");
            }
            BillPayment now2 = find(b.id());
            if (interactive) {
                print(now2, cash(now2));
            }
            return now2;
        }
        return apply(find(b.id()), answer, interactive);
    }

    /** Central's word on a submitted write-off, however it came (its answer, a query, a cancel). */
    private BillPayment apply(BillPayment b, Billers.WriteOffState w, boolean interactive) {
        Instant now = clock.instant();
        switch (w.status()) {
            case "SUCCESS" -> {
                boolean done = Boolean.TRUE.equals(tx.execute(s -> {
                    if (!move(b.id(), b.status(), BillStatus.SUCCEEDED, "write_off_ref = ?, finished_at = ?", w.ref(), utc(now))) {
                        return false;
                    }
                    writtenOff(b, String.valueOf(w.ref()), now);
                    return true;
                }));
                if (done && (interactive || b.channel().equals(COUNTER))) {
                    print(find(b.id()), interactive && cash(b));
                }
                return find(b.id());
            }
            case "PROCESSING" -> {
                move(b.id(), b.status(), BillStatus.SUBMITTED, "write_off_ref = ?, query_after = ?", w.ref(), utc(now.plus(rules.queryEvery())));
                BillPayment p = find(b.id());
                if (interactive) {
                    print(p, cash(p));
                }
                return p;
            }
            case "FAILED", "CANCELLED" -> {
                if (!move(b.id(), b.status(), BillStatus.FAILED, "fail_code = ?, live_key = NULL", w.code() == null ? w.status() : w.code())) {
                    return find(b.id());
                }
                log.info("bill {}: write-off failed ({}), refunded", b.orderNo(), w.code());
                return refund(find(b.id()));
            }
            case "NOTFOUND" -> {
                if (b.queryAfter() != null && b.queryAfter().isAfter(now)) {
                    return b; // the first call may still be on its way
                }
                // central never saw it: the number is given up there first, so it can never write off later
                Billers.WriteOffState cancelled;
                try {
                    cancelled = central.post(Billers.WRITE_OFFS + "/" + b.orderNo() + "/cancel", "", Billers.WriteOffState.class, rules.centralWait());
                } catch (CentralCallFailed e) {
                    return b;
                }
                return cancelled.status().equals("NOTFOUND") ? b : apply(b, cancelled, interactive);
            }
            default -> {
                log.error("bill {}: central answered {} to its write-off; left for the manager", b.orderNo(), w.status());
                return b;
            }
        }
    }

    /** The event for central that an order was written off ({@code TopUpCompleted} for a top-up), in the caller's transaction. */
    private void writtenOff(BillPayment b, String ref, Instant at) {
        events.publishEvent(b.kind() == BillKind.TOPUP
                ? new TopUpCompleted(UuidV7.next(clock), b.id(), b.orderNo(), String.valueOf(b.carrier()), b.accountMasked(), b.amountFen(), ref, at)
                : new BillPaid(UuidV7.next(clock), b.id(), b.orderNo(), b.kind().name(), b.accountMasked(), b.amountFen(), ref, at));
    }

    /** A failed order's money back, in full, to the original method: {@code REFUNDED}. Idempotent (its refund's key is the order's). */
    private BillPayment refund(BillPayment b) {
        if (b.paymentId() == null) {
            move(b.id(), BillStatus.FAILED, BillStatus.CANCELLED, "finished_at = ?", utc(clock.instant()));
            return find(b.id());
        }
        String reason = Translations.translate("bills.refund.reason", Translations.SIMPLIFIED, b.orderNo(),
                Translations.translate("bills.fail." + failKey(b.failCode()), Translations.SIMPLIFIED));
        Refunds.Made made;
        try {
            made = refunds.refund(b.paymentId(), b.amountFen(), reason, "bill-refund-" + b.orderNo(), "system");
        } catch (PaymentRefused e) {
            log.warn("bill {}: refund not made yet ({}), tried again shortly", b.orderNo(), e.code());
            return find(b.id());
        }
        tx.executeWithoutResult(s -> {
            if (move(b.id(), BillStatus.FAILED, BillStatus.REFUNDED, "refund_id = ?, finished_at = ?", made.refund().id(), utc(clock.instant()))) {
                events.publishEvent(new BillRefunded(UuidV7.next(clock), b.id(), b.orderNo(), b.kind().name(), b.accountMasked(), b.amountFen(), reason,
                        clock.instant()));
                audit.record("bills.refunded", b.orderNo() + " " + Money.yuan(b.amountFen()));
            }
        });
        return find(b.id());
    }

    private static String failKey(@Nullable String code) {
        return code == null ? "OTHER" : switch (code) {
            case "NO_ARREARS", "NO_SUCH_ACCOUNT", "BATCH_DEDUCTION_WINDOW", "AMOUNT_MISMATCH", "ALREADY_PAID", "WRITE_OFF_FAILED", "CANCELLED",
                 "ABANDONED", "MANAGER" -> code;
            default -> "OTHER";
        };
    }

    // ---------------------------------------------------------------- the background job

    /**
     * Finishes what is open, also right after a restart: kiosk payments settled from their payment
     * (or given up after {@code abandon-after}); paid orders submitted; offline-accepted ones
     * submitted oldest first, each once, stopping while central is away; submitted and unknown ones
     * asked about; failed ones refunded. Returns how many orders it moved.
     */
    public int settleOpen() {
        if (jdbc.sql("SELECT COUNT(*) FROM bill_payment WHERE status NOT IN (" + FINISHED + ")").query(Long.class).single() == 0) {
            return 0; // the usual case: one small query every few seconds
        }
        int moved = 0;
        Instant now = clock.instant();
        for (BillPayment b : load("status = 'CREATED' AND payment_key IS NOT NULL")) {
            // a failed code is not the end at the kiosk: the resident may show another one (the pay step retries the same payment),
            // so an unpaid order is given up only after abandon-after, and never while its payment is still pending
            Payment p = payments.byIdempotencyKey(java.util.Objects.requireNonNull(b.paymentKey())).orElse(null);
            if (p != null && p.status().paid()) {
                moved += settle(b.id(), p).status() != BillStatus.CREATED ? 1 : 0;
            } else if (b.createdAt().isBefore(now.minus(rules.abandonAfter())) && (p == null || p.status() != PaymentStatus.PENDING)) {
                cancel(b.id());
                moved++;
            }
        }
        for (BillPayment b : load("status = 'PAID'")) {
            if (submit(b, false).status() != BillStatus.PAID) {
                moved++;
            }
        }
        for (BillPayment b : load("status = 'ACCEPTED_OFFLINE'")) {
            Optional<BillPayment> sent = submitAccepted(b);
            if (sent.isEmpty()) {
                break; // central is away: the rest wait, in order
            }
            moved++;
        }
        for (BillPayment b : load("status IN ('SUBMITTED', 'UNKNOWN') AND (query_after IS NULL OR query_after <= ?)", utc(now))) {
            BillPayment after = ask(b);
            if (after.status() != b.status()) {
                moved++;
            }
        }
        for (BillPayment b : load("status = 'FAILED'")) {
            if (refund(b).status() != BillStatus.FAILED) {
                moved++;
            }
        }
        return moved;
    }

    /** An offline-accepted order, looked up now: the amount due still the one paid → submitted; anything else → failed and refunded. Empty while central is away. */
    private Optional<BillPayment> submitAccepted(BillPayment b) {
        Billers.Due due;
        try {
            due = central.post(Billers.LOOKUP, new Billers.Lookup(b.kind().name(), account(b)), Billers.Due.class, rules.centralWait());
        } catch (CentralCallFailed e) {
            return Optional.empty();
        }
        if (due.code().equals("OK") && due.amountDueFen() == b.amountFen()) {
            jdbc.sql("UPDATE bill_payment SET biller_name = ?, holder_masked = ?, period = ?, version = version + 1 WHERE id = ?")
                    .params(due.billerName(), due.holderMasked(), due.period(), b.id()).update();
            return Optional.of(submit(find(b.id()), false));
        }
        String code = due.code().equals("OK") ? "AMOUNT_MISMATCH" : due.code();
        if (move(b.id(), BillStatus.ACCEPTED_OFFLINE, BillStatus.FAILED, "fail_code = ?, live_key = NULL", code)) {
            log.info("bill {} accepted offline: central says {}, refunded in full", b.orderNo(), code);
            return Optional.of(refund(find(b.id())));
        }
        return Optional.of(find(b.id()));
    }

    /** Asks central about a submitted or unknown write-off and applies the answer; as it was while central is away. */
    private BillPayment ask(BillPayment b) {
        Optional<Billers.WriteOffState> answer = query(b);
        if (answer.isEmpty()) {
            return b;
        }
        Billers.WriteOffState w = answer.get();
        if (w.status().equals("PROCESSING") && b.status() == BillStatus.SUBMITTED) {
            jdbc.sql("UPDATE bill_payment SET query_after = ?, version = version + 1 WHERE id = ? AND status = 'SUBMITTED'")
                    .params(utc(clock.instant().plus(rules.queryEvery())), b.id()).update();
            return find(b.id());
        }
        return apply(b, w, false);
    }

    /** Central's word on an order's write-off; empty while central cannot be asked. */
    private Optional<Billers.WriteOffState> query(BillPayment b) {
        try {
            return Optional.of(central.get(Billers.WRITE_OFFS + "/" + b.orderNo(), Billers.WriteOffState.class, rules.centralWait()));
        } catch (CentralCallFailed e) {
            return Optional.empty();
        }
    }

    /**
     * The manager settles a write-off central cannot tell about after {@code stuck-after}: central is
     * asked once more first — its answer wins, and one it is still processing is refused
     * ({@code STILL_PROCESSING}); only while central cannot be reached, {@code writtenOff} (the
     * biller confirmed it, say by phone) → {@code SUCCEEDED}, or not → {@code FAILED} and refunded.
     * A note is required; the daily matching shows it should central later say otherwise.
     */
    public BillPayment resolve(UUID id, boolean writtenOff, @Nullable String note) {
        if (!payments.callerIsManager()) {
            throw new BillRefused("MANAGER_REQUIRED", 403, "bills.error.manager");
        }
        String why = note == null ? "" : note.strip();
        if (why.isEmpty()) {
            throw new BillRefused("NOTE_REQUIRED", 400, "bills.error.note");
        }
        BillPayment b = find(id);
        if (!stuck(b)) {
            throw new BillRefused("NOT_STUCK", 409, "bills.error.not-stuck");
        }
        // central is asked once more first: whatever it can tell wins, and "still processing" is not for the manager to decide
        Optional<Billers.WriteOffState> answer = query(b);
        if (answer.isPresent()) {
            if (answer.get().status().equals("PROCESSING")) {
                throw new BillRefused("STILL_PROCESSING", 409, "bills.error.still-processing");
            }
            return apply(b, answer.get(), false);
        }
        // central cannot tell: the manager decides
        String by = audit.currentActor();
        audit.record("bills.resolved", b.orderNo() + " " + (writtenOff ? "SUCCEEDED" : "FAILED") + " " + why);
        if (writtenOff) {
            tx.executeWithoutResult(s -> {
                if (move(id, b.status(), BillStatus.SUCCEEDED, "note = ?, resolved_by = ?, finished_at = ?", clip(why), by, utc(clock.instant()))) {
                    writtenOff(b, "", clock.instant());
                }
            });
            return find(id);
        }
        if (move(id, b.status(), BillStatus.FAILED, "fail_code = 'MANAGER', live_key = NULL, note = ?, resolved_by = ?", clip(why), by)) {
            return refund(find(id));
        }
        return find(id);
    }

    /** True when the signed-in user is a manager: the stuck write-offs' settle buttons show. */
    public boolean callerIsManager() {
        return payments.callerIsManager();
    }

    /** A write-off central has not settled for {@code stuck-after}: a manager may settle it with a note. */
    public boolean stuck(BillPayment b) {
        return (b.status() == BillStatus.SUBMITTED || b.status() == BillStatus.UNKNOWN) && b.submittedAt() != null
                && b.submittedAt().isBefore(clock.instant().minus(rules.stuckAfter()));
    }

    /** Erases full account and phone numbers from finished orders older than {@code erase-after-days}; returns how many. */
    public int eraseOld() {
        Instant before = clock.instant().minus(java.time.Duration.ofDays(rules.eraseAfterDays()));
        return jdbc.sql("""
                        UPDATE bill_payment SET account_sealed = NULL, live_key = NULL, version = version + 1
                        WHERE created_at < ? AND account_sealed IS NOT NULL AND status IN (""" + FINISHED + ")")
                .param(utc(before)).update();
    }

    // ---------------------------------------------------------------- reading

    public BillPayment find(UUID id) {
        return bills.findById(id).orElseThrow(() -> new BillRefused("NOT_FOUND", 404, "bills.error.not-found"));
    }

    public Optional<BillPayment> byOrderNo(String orderNo) {
        return bills.findByOrderNo(orderNo);
    }

    /** A day's bill payments and top-ups (the station's zone), newest first. */
    public List<BillPayment> ofDay(LocalDate day) {
        return load("created_at >= ? AND created_at < ? ORDER BY created_at DESC", utc(time.startOf(day)), utc(time.startOf(day.plusDays(1))));
    }

    /** Today in the station's zone. */
    public LocalDate today() {
        return time.date(clock.instant());
    }

    private List<BillPayment> load(String where, Object... params) {
        String sql = "SELECT id FROM bill_payment WHERE " + where + (where.contains("ORDER BY") ? "" : " ORDER BY created_at, order_no");
        List<UUID> ids = jdbc.sql(sql).params(params).query(UUID.class).list();
        java.util.Map<UUID, BillPayment> byId = new java.util.HashMap<>();
        bills.findAllById(ids).forEach(b -> byId.put(b.id(), b));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private boolean paidToday(BillKind kind, String account) {
        return jdbc.sql("SELECT COUNT(*) FROM bill_payment WHERE live_key = ?").param(liveKey(kind, account, time.date(clock.instant())))
                .query(Long.class).single() > 0;
    }

    private Optional<Made> replay(String key, String digest) {
        return bills.findByIdempotencyKey(key).map(b -> {
            if (!b.requestSha256().equals(digest)) {
                throw new PaymentRefused("IDEMPOTENCY_KEY_REUSED", 409, "payments.error.key-reused");
            }
            return new Made(b, false);
        });
    }

    private boolean move(UUID id, BillStatus from, BillStatus to, @Nullable String also, Object... values) {
        Object[] params = new Object[values.length + 3];
        params[0] = utc(clock.instant());
        System.arraycopy(values, 0, params, 1, values.length);
        params[values.length + 1] = id;
        params[values.length + 2] = from.name();
        return jdbc.sql("UPDATE bill_payment SET status = '" + to.name() + "', updated_at = ?, version = version + 1" + (also == null ? "" : ", " + also)
                        + " WHERE id = ? AND status = ?").params(params).update() == 1;
    }

    // ---------------------------------------------------------------- receipts

    /** The large-print receipt: what was paid, for whom (masked), how much, and where it stands — with the biller's reference once written off. */
    public void printReceipt(BillPayment b) {
        print(b, false);
    }

    /** The receipt, opening the drawer when the cash was just taken. */
    private void print(BillPayment b, boolean openDrawer) {
        Locale zh = Translations.SIMPLIFIED;
        PrintDocument.Builder doc = PrintDocument.builder("bill-receipt").center().large(station.station().name())
                .huge(Translations.translate("bills.receipt.title." + (b.kind() == BillKind.TOPUP ? "topup" : "bill"), zh)).left()
                .large(Translations.translate("bills.kind." + b.kind(), zh) + (b.billerName() == null ? "" : " · " + b.billerName()))
                .large(Translations.translate(b.kind() == BillKind.TOPUP ? "bills.receipt.phone" : "bills.receipt.account", zh, b.accountMasked()));
        if (b.holderMasked() != null) {
            doc.large(Translations.translate("bills.receipt.holder", zh, b.holderMasked(), String.valueOf(b.period())));
        }
        doc.huge(Translations.translate("bills.receipt.amount", zh, Money.yuan(b.amountFen())))
                .large(Translations.translate("bills.receipt.status." + b.status(), zh));
        if (b.writeOffRef() != null) {
            doc.large(Translations.translate("bills.receipt.ref", zh, b.writeOffRef()));
        }
        doc.text(Translations.translate("bills.receipt.order", zh, b.orderNo()))
                .text(time.dateTime(b.updatedAt())).feed(1);
        if (openDrawer) {
            doc.kickDrawer();
        }
        printing.printAt(b.terminal(), DeviceKind.RECEIPT_PRINTER, doc.build());
    }

    /** The slip for a payment accepted while central is away: paid when the link is back, refunded in full if it fails. */
    private void printOffline(BillPayment b) {
        Locale zh = Translations.SIMPLIFIED;
        printing.printAt(b.terminal(), DeviceKind.RECEIPT_PRINTER, PrintDocument.builder("bill-offline").center().large(station.station().name())
                .huge(Translations.translate("bills.offline.slip.title", zh)).left()
                .large(Translations.translate("bills.kind." + b.kind(), zh))
                .large(Translations.translate("bills.receipt.account", zh, b.accountMasked()))
                .huge(Translations.translate("bills.receipt.amount", zh, Money.yuan(b.amountFen())))
                .large(Translations.translate("bills.offline.slip.promise", zh))
                .text(Translations.translate("bills.receipt.order", zh, b.orderNo()))
                .text(time.dateTime(b.createdAt())).feed(1).kickDrawer().build());
    }

    // ---------------------------------------------------------------- checks and small things

    private static BillKind billKind(@Nullable String kind) {
        try {
            BillKind k = BillKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
            if (k.bill()) {
                return k;
            }
        } catch (IllegalArgumentException e) {
            // told below
        }
        throw new BillRefused("BAD_KIND", 400, "bills.error.kind");
    }

    /** A 10-digit account, spaces and dashes a person typed removed; else {@code BAD_ACCOUNT}. */
    public static String account(@Nullable String account) {
        String a = account == null ? "" : account.replaceAll("[\\s-]", "");
        if (!a.matches("[0-9]{10}")) {
            throw new BillRefused("BAD_ACCOUNT", 400, "bills.error.account");
        }
        return a;
    }

    /** A mobile number (11 digits, 13–19 first); landlines and 13-digit IoT numbers are {@code BAD_PHONE}. */
    public static String phone(@Nullable String phone) {
        String p = phone == null ? "" : phone.replaceAll("[\\s-]", "");
        if (!Billers.mobile(p)) {
            throw new BillRefused("BAD_PHONE", 400, "bills.error.phone");
        }
        return p;
    }

    private static void denomination(long amountFen) {
        if (!Billers.DENOMINATIONS.contains(amountFen)) {
            throw new BillRefused("BAD_DENOMINATION", 400, "bills.error.denomination");
        }
    }

    private static void checkAmount(long amountFen) {
        if (amountFen <= 0 || amountFen > 10_000_000L) {
            throw new PaymentRefused("BAD_AMOUNT", 400, "payments.error.amount");
        }
    }

    private static Pay pay(@Nullable Pay pay) {
        if (pay == null) {
            throw new PaymentRefused("BAD_METHOD", 400, "payments.error.method");
        }
        String m = method(pay);
        if (!m.equals(Payments.CASH) && !m.equals(Payments.CODE)) {
            throw new PaymentRefused("BAD_METHOD", 400, "payments.error.method");
        }
        return new Pay(m, pay.authCode() == null ? null : pay.authCode().replaceAll("\\s", ""), pay.tenderedFen());
    }

    private static String method(Pay pay) {
        return pay.method() == null ? "" : pay.method().strip().toUpperCase(Locale.ROOT);
    }

    private static boolean cash(BillPayment b) {
        return b.method().equals(Payments.CASH);
    }

    private static boolean atCounter() {
        return CurrentTerminal.get().filter(t -> t.kind() == TerminalKind.COUNTER).isPresent();
    }

    private String account(BillPayment b) {
        if (b.accountSealed() == null) {
            throw new IllegalStateException("bill " + b.orderNo() + " has no account left");
        }
        return secrets.open(b.accountSealed());
    }

    private String liveKey(BillKind kind, String account, LocalDate day) {
        return Digests.sha256(secrets.hash(kind + "|" + account) + "|" + day);
    }

    private static String purpose(BillKind kind, String masked) {
        return Translations.translate("bills.payment.purpose." + kind, Translations.SIMPLIFIED, masked);
    }

    private String nextOrderNo(Instant now) {
        String day = time.date(now).format(DateTimeFormatter.ofPattern("yyMMdd"));
        return station.station().id().replaceAll("[^A-Za-z0-9]", "") + "-B" + day + String.format("%05d", numbers.next("bill_sequence", day));
    }

    /** The day's order numbers started before the order's transaction (see {@link DailyNumbers}). */
    private void startDay(Instant now) {
        numbers.start("bill_sequence", time.date(now).format(DateTimeFormatter.ofPattern("yyMMdd")));
    }

    private static @Nullable String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}

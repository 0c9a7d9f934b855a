package io.yizhan.station.shopping;

import io.yizhan.contract.ShopOffer;
import io.yizhan.contract.ShopOrders;
import io.yizhan.station.devices.DeviceKind;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.link.CentralCallFailed;
import io.yizhan.station.link.CentralLink;
import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.PaymentRequest;
import io.yizhan.station.payments.PaymentStatus;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.payments.Refunds;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.SecretBox;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.shopping.internal.ShopOrderRepository;
import io.yizhan.station.staff.AuditLog;
import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.TerminalKind;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Orders placed for residents. An order is kept as a {@code DRAFT} first, then placed at central,
 * which reserves its stock ({@code RESERVED} until a time) or holds it for the manager's review
 * ({@code REVIEW}); with central away it stays a draft and is placed when the link is back, and no
 * money is taken until it is reserved. The resident consents before paying — a tap on the display
 * terminal or a signed slip — and pays at the counter or the kiosk; the payment is confirmed to
 * central, and an order central let expire meanwhile is refunded in full.
 */
@Service
public class Shopping {

    private static final Logger log = LoggerFactory.getLogger(Shopping.class);
    /** The payments service orders are paid under. */
    public static final String SERVICE = "SHOPPING";
    static final Duration CENTRAL_WAIT = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record LineRequest(String productId, long quantity) {
    }

    public record OrderRequest(@Nullable String residentPhone, @Nullable String residentName, @Nullable List<LineRequest> lines,
                               @Nullable String delivery, @Nullable String address, @Nullable String idempotencyKey) {
    }

    /** An order and whether this call created it (false: its idempotency key came again). */
    public record Placed(ShopOrder order, boolean created) {
    }

    public record PayRequest(@Nullable String method, @Nullable String authCode, @Nullable Long tenderedFen, @Nullable String idempotencyKey) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ShopOrderRepository orders;
    private final Catalog catalog;
    private final Residents residents;
    private final SecretBox secrets;
    private final CentralLink central;
    private final Payments payments;
    private final Refunds refunds;
    private final PrintQueue printing;
    private final StationProperties station;
    private final StationTime time;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ShoppingProperties rules;
    private final io.yizhan.station.terminals.Terminals terminals;
    private final io.yizhan.station.shared.DailyNumbers numbers;

    Shopping(io.yizhan.station.terminals.Terminals terminals, JdbcClient jdbc, TransactionTemplate tx, Clock clock, ShopOrderRepository orders, Catalog catalog, Residents residents,
             SecretBox secrets, CentralLink central, Payments payments, Refunds refunds, PrintQueue printing, StationProperties station,
             StationTime time, AuditLog audit, ApplicationEventPublisher events, ShoppingProperties rules,
             io.yizhan.station.shared.DailyNumbers numbers) {
        this.numbers = numbers;
        this.terminals = terminals;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.orders = orders;
        this.catalog = catalog;
        this.residents = residents;
        this.secrets = secrets;
        this.central = central;
        this.payments = payments;
        this.refunds = refunds;
        this.printing = printing;
        this.station = station;
        this.time = time;
        this.audit = audit;
        this.events = events;
        this.rules = rules;
    }

    // ---------------------------------------------------------------- placing

    /**
     * Places an order for a resident. The same idempotency key again answers with the first order
     * (a double tap on 下单 places one). Refused with nothing kept: an unknown product, a bad
     * quantity, {@code OUT_OF_STOCK} (with the product), {@code PRICE_CHANGED} (the catalog is updated
     * first, so the cart shows the new price).
     */
    public Placed place(OrderRequest request) {
        String key = Payments.idempotencyKey(request.idempotencyKey());
        Optional<ShopOrder> earlier = orders.findByIdempotencyKey(key);
        if (earlier.isPresent()) {
            return new Placed(earlier.get(), false);
        }
        String phone = Residents.phone(request.residentPhone());
        String delivery = request.delivery() == null || request.delivery().isBlank() ? "STATION" : request.delivery().strip().toUpperCase(Locale.ROOT);
        if (!delivery.equals("STATION") && !delivery.equals("HOME")) {
            throw new ShoppingRefused("BAD_DELIVERY", 400, "shopping.error.delivery");
        }
        String address = request.address() == null ? "" : request.address().strip();
        if (delivery.equals("HOME") && (address.length() < 4 || address.length() > 120)) {
            throw new ShoppingRefused("ADDRESS_REQUIRED", 400, "shopping.error.address");
        }
        List<ShopOrder.Line> lines = lines(request.lines());
        Instant now = clock.instant();
        Map<String, String> categories = new LinkedHashMap<>();
        lines.forEach(l -> categories.put(l.productId(), catalog.product(l.productId()).orElseThrow().category()));
        List<ShopOffer.Line> offerLines = lines.stream().map(l -> new ShopOffer.Line(categories.get(l.productId()), l.amountFen())).toList();
        Optional<ShopOffer.Applied> offer = ShopOffer.best(catalog.offers(now), offerLines, now);
        long gross = lines.stream().mapToLong(ShopOrder.Line::amountFen).sum();
        long discount = offer.map(ShopOffer.Applied::discountFen).orElse(0L);
        ShopOrder draft;
        // the day's order numbers start before the order's transaction: the day's first two orders never collide
        numbers.start("shopping_sequence", time.date(now).format(DateTimeFormatter.ofPattern("yyMMdd")));
        try {
            draft = tx.execute(s -> {
                UUID resident = residents.remember(phone, request.residentName());
                List<String> reasons = reviewReasons(resident, lines, gross - discount, now);
                UUID id = UuidV7.next(clock);
                ShopOrder o = new ShopOrder(id, null, nextOrderNo(now), String.format("%04d", RANDOM.nextInt(10_000)), key, resident,
                        OrderStatus.DRAFT, delivery, delivery.equals("HOME") ? secrets.seal(address) : null, gross - discount, discount,
                        offer.map(ShopOffer.Applied::kind).orElse(null), offer.map(ShopOffer.Applied::description).orElse(null), null,
                        reasons.isEmpty() ? null : String.join(",", reasons), null, null, null, null, null, null, null, false, null, null, null,
                        audit.currentActor(), CurrentTerminal.name(), now, now, null, null, 0, lines);
                ShopOrder saved = orders.save(o);
                jdbc.sql("UPDATE shopping_resident SET last_order_at = ? WHERE id = ?").params(utc(now), resident).update();
                audit.record("shopping.order-drafted", saved.orderNo());
                return saved;
            });
        } catch (DuplicateKeyException raced) {
            return new Placed(orders.findByIdempotencyKey(key).orElseThrow(() -> raced), false);
        }
        return new Placed(submit(draft, true), true);
    }

    private List<ShopOrder.Line> lines(@Nullable List<LineRequest> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new ShoppingRefused("NO_LINES", 400, "shopping.error.no-lines");
        }
        Map<String, Long> quantities = new LinkedHashMap<>();
        for (LineRequest l : requested) {
            if (l == null || l.productId() == null || l.quantity() <= 0 || l.quantity() > 99) {
                throw new ShoppingRefused(l == null ? null : l.productId(), "BAD_QUANTITY", 400, "shopping.error.quantity");
            }
            quantities.merge(l.productId(), l.quantity(), Long::sum);
        }
        List<ShopOrder.Line> lines = new ArrayList<>();
        quantities.forEach((id, quantity) -> {
            Catalog.Product p = catalog.product(id).orElseThrow(() -> new ShoppingRefused(id, "UNKNOWN_PRODUCT", 404, "shopping.error.unknown-product", id));
            if (quantity > 99) {
                throw new ShoppingRefused(id, "BAD_QUANTITY", 400, "shopping.error.quantity");
            }
            lines.add(new ShopOrder.Line(id, p.fullName(), quantity, p.priceFen()));
        });
        return lines;
    }

    /** The review rules an order meets (codes: AMOUNT, QUANTITY, DAILY, FIRST_ORDER); none → no review. */
    List<String> reviewReasons(UUID resident, List<ShopOrder.Line> lines, long totalFen, Instant now) {
        List<String> reasons = new ArrayList<>();
        if (totalFen > rules.reviewAboveFen()) {
            reasons.add("AMOUNT");
        }
        if (lines.stream().anyMatch(l -> l.quantity() > rules.reviewQuantityOver())) {
            reasons.add("QUANTITY");
        }
        long today = jdbc.sql("SELECT COUNT(*) FROM shopping_order WHERE resident_id = ? AND created_at >= ?")
                .params(resident, utc(time.startOf(time.date(now)))).query(Long.class).single();
        if (today + 1 > rules.reviewOrdersPerDay()) {
            reasons.add("DAILY");
        }
        long before = jdbc.sql("SELECT COUNT(*) FROM shopping_order WHERE resident_id = ?").param(resident).query(Long.class).single();
        if (before == 0 && totalFen > rules.reviewFirstOrderAboveFen()) {
            reasons.add("FIRST_ORDER");
        }
        return reasons;
    }

    private String nextOrderNo(Instant now) {
        String day = time.date(now).format(DateTimeFormatter.ofPattern("yyMMdd"));
        return station.station().id().replaceAll("[^A-Za-z0-9-]", "") + "-" + day + String.format("%04d", numbers.next("shopping_sequence", day));
    }

    /**
     * Places a draft at central. Interactive (the clerk waits): a refusal removes the draft and is
     * thrown. From the background job (central came back): a refusal cancels the draft with the reason,
     * for the counter to tell the resident.
     */
    ShopOrder submit(ShopOrder draft, boolean interactive) {
        boolean review = draft.reviewReasons() != null && draft.reviewedBy() == null;
        ShopOrders.Place place = new ShopOrders.Place(draft.orderNo(),
                draft.lines().stream().map(l -> new ShopOrders.Line(l.productId(), l.quantity(), l.priceFen())).toList(), review);
        ShopOrders.Answer answer;
        try {
            answer = central.post(ShopOrders.PATH, place, ShopOrders.Answer.class, CENTRAL_WAIT);
        } catch (CentralCallFailed e) {
            log.info("order {} kept as a draft: {}", draft.orderNo(), e.getMessage());
            return draft;
        }
        switch (answer.status()) {
            case "RESERVED", "REVIEW" -> {
                return tx.execute(s -> {
                    if (jdbc.sql("""
                                    UPDATE shopping_order SET status = ?, reserved_until = ?, total_fen = ?, discount_fen = ?, offer_kind = ?, offer_text = ?,
                                        updated_at = ?, version = version + 1 WHERE id = ? AND status = 'DRAFT'""")
                            .params(answer.status(), answer.reservedUntil() == null ? null : utc(answer.reservedUntil()), answer.totalFen(),
                                    answer.discountFen(), answer.offer() == null ? null : answer.offer().kind(),
                                    answer.offer() == null ? null : answer.offer().description(), utc(clock.instant()), draft.id()).update() == 1) {
                        events.publishEvent(new OrderPlaced(UuidV7.next(clock), draft.id(), draft.orderNo(), answer.totalFen(), answer.status(),
                                clock.instant()));
                    }
                    return orders.findById(draft.id()).orElseThrow();
                });
            }
            case "PRICE_CHANGED" -> {
                answer.lines().forEach(l -> jdbc.sql("UPDATE shopping_product SET price_fen = ? WHERE product_id = ?")
                        .params(l.priceFen(), l.productId()).update());
                throw refuse(draft, interactive, new ShoppingRefused("PRICE_CHANGED", 409, "shopping.error.price-changed"));
            }
            case "OUT_OF_STOCK" -> {
                String product = answer.productId() == null ? "" : answer.productId();
                jdbc.sql("UPDATE shopping_product SET available = 0 WHERE product_id = ?").param(product).update();
                throw refuse(draft, interactive, new ShoppingRefused(product, "OUT_OF_STOCK", 409, "shopping.error.out-of-stock",
                        catalog.product(product).map(Catalog.Product::fullName).orElse(product)));
            }
            case "UNKNOWN_PRODUCT" -> throw refuse(draft, interactive, new ShoppingRefused(answer.productId(), "UNKNOWN_PRODUCT", 404,
                    "shopping.error.unknown-product", String.valueOf(answer.productId())));
            default -> {
                // the number was placed before (a retry after a lost answer): take central's state as it is
                follow(draft.orderNo(), answer.status(), answer.reservedUntil(), null, null);
                return orders.findById(draft.id()).orElseThrow();
            }
        }
    }

    private ShoppingRefused refuse(ShopOrder draft, boolean interactive, ShoppingRefused why) {
        tx.executeWithoutResult(s -> {
            if (interactive) {
                jdbc.sql("DELETE FROM shopping_order_line WHERE shopping_order = ?").param(draft.id()).update();
                jdbc.sql("DELETE FROM shopping_order WHERE id = ? AND status = 'DRAFT'").param(draft.id()).update();
            } else {
                jdbc.sql("UPDATE shopping_order SET status = 'CANCELLED', review_note = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'DRAFT'")
                        .params(why.code(), utc(clock.instant()), draft.id()).update();
            }
        });
        return why;
    }

    /** Places the drafts kept while central was away, oldest first; returns how many left the draft state. */
    public int submitDrafts() {
        int placed = 0;
        for (ShopOrder d : byStatus(OrderStatus.DRAFT)) {
            try {
                if (submit(d, false).status() != OrderStatus.DRAFT) {
                    placed++;
                }
            } catch (ShoppingRefused refused) {
                placed++;
            }
        }
        return placed;
    }

    // ---------------------------------------------------------------- review

    /** The manager approves an order in review: central holds its stock from now for the reservation time. */
    public ShopOrder approve(UUID id, @Nullable String note) {
        ShopOrder o = find(id);
        requireManager();
        if (o.status() == OrderStatus.DRAFT && o.reviewReasons() != null) {
            // central was away when it was placed: it goes as approved when the link is back
            reviewed(o, note, OrderStatus.DRAFT);
            return find(id);
        }
        if (o.status() != OrderStatus.REVIEW) {
            throw new ShoppingRefused("NOT_IN_REVIEW", 409, "shopping.error.not-in-review");
        }
        ShopOrders.Answer a = call(ShopOrders.PATH + "/" + o.orderNo() + "/approve", "");
        reviewed(o, note, OrderStatus.REVIEW);
        follow(o.orderNo(), a.status(), a.reservedUntil(), null, null);
        return find(id);
    }

    private void reviewed(ShopOrder o, @Nullable String note, OrderStatus from) {
        String why = note == null ? null : note.strip();
        jdbc.sql("UPDATE shopping_order SET reviewed_by = ?, review_note = ?, version = version + 1 WHERE id = ? AND status = ?")
                .params(audit.currentActor(), why == null || why.isEmpty() ? null : why.substring(0, Math.min(200, why.length())), o.id(), from.name())
                .update();
        audit.record("shopping.order-approved", o.orderNo());
    }

    /** The manager rejects an order in review with a reason: central releases its stock. */
    public ShopOrder reject(UUID id, @Nullable String reason) {
        ShopOrder o = find(id);
        requireManager();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw new ShoppingRefused("REASON_REQUIRED", 400, "shopping.error.reason");
        }
        if (o.status() != OrderStatus.REVIEW && !(o.status() == OrderStatus.DRAFT && o.reviewReasons() != null)) {
            throw new ShoppingRefused("NOT_IN_REVIEW", 409, "shopping.error.not-in-review");
        }
        if (o.status() == OrderStatus.REVIEW) {
            call(ShopOrders.PATH + "/" + o.orderNo() + "/cancel", new ShopOrders.Cancel(why));
        }
        move(o.id(), o.status(), OrderStatus.REJECTED, "reviewed_by = ?, review_note = ?", audit.currentActor(), why);
        audit.record("shopping.order-rejected", o.orderNo());
        return find(id);
    }

    /** The order is not wanted after all (the resident said no, or cannot pay): central releases its stock. Unpaid orders only. */
    public ShopOrder cancel(UUID id) {
        ShopOrder o = find(id);
        if (o.status() != OrderStatus.DRAFT && o.status() != OrderStatus.REVIEW && o.status() != OrderStatus.RESERVED) {
            throw new ShoppingRefused("NOT_CANCELLABLE", 409, "shopping.error.not-cancellable");
        }
        if (o.paymentKey() != null && payments.byIdempotencyKey(o.paymentKey()).filter(p -> p.status() != PaymentStatus.FAILED
                && p.status() != PaymentStatus.REVOKED).isPresent()) {
            throw new ShoppingRefused("PAYMENT_UNDER_WAY", 409, "shopping.error.payment-under-way");
        }
        if (o.status() != OrderStatus.DRAFT) {
            call(ShopOrders.PATH + "/" + o.orderNo() + "/cancel", new ShopOrders.Cancel("cancelled at the station"));
        }
        move(o.id(), o.status(), OrderStatus.CANCELLED, null);
        audit.record("shopping.order-cancelled", o.orderNo());
        return find(id);
    }

    private ShopOrders.Answer call(String path, Object body) {
        try {
            return central.post(path, body, ShopOrders.Answer.class, CENTRAL_WAIT);
        } catch (CentralCallFailed e) {
            throw new ShoppingRefused("CENTRAL_UNREACHABLE", 503, "shopping.error.central-away");
        }
    }

    private void requireManager() {
        if (!payments.callerIsManager()) {
            throw new ShoppingRefused("MANAGER_REQUIRED", 403, "shopping.error.manager");
        }
    }

    // ---------------------------------------------------------------- consent

    /** The clerk records that the resident signed the printed order slip ({@code SIGNED}); {@code DISPLAY} only the display's tap records. */
    public ShopOrder consent(UUID id, @Nullable String how) {
        if (!"SIGNED".equals(how)) {
            throw new ShoppingRefused("DISPLAY_ONLY", 400, "shopping.error.display-only");
        }
        return recordConsent(id, "SIGNED");
    }

    /** The resident tapped 确认 on the display terminal: recorded with the time and that terminal, and only from one. */
    public ShopOrder consentOnDisplay(UUID id) {
        ShopOrder o = find(id);
        boolean display = CurrentTerminal.get().filter(t -> t.kind() == TerminalKind.DISPLAY)
                .flatMap(t -> terminals.counterOf(t.id().value())).filter(counter -> counter.equals(o.terminal())).isPresent();
        if (!display) {
            throw new ShoppingRefused("DISPLAY_ONLY", 403, "shopping.error.display-only");
        }
        return recordConsent(id, "DISPLAY");
    }

    /** The resident tapped 取消 on the display: the order is cancelled and its stock released. */
    public ShopOrder declineOnDisplay(UUID id) {
        ShopOrder o = find(id);
        if (CurrentTerminal.get().filter(t -> t.kind() == TerminalKind.DISPLAY).flatMap(t -> terminals.counterOf(t.id().value()))
                .filter(counter -> counter.equals(o.terminal())).isEmpty()) {
            throw new ShoppingRefused("DISPLAY_ONLY", 403, "shopping.error.display-only");
        }
        audit.record("shopping.declined", o.orderNo());
        return cancel(id);
    }

    /**
     * The resident orders one of a product at the kiosk themselves, delivered to the station, to pay
     * there with a payment code: placed like any order; once reserved, their own taps are the consent
     * ({@code KIOSK}) and the payment's key is set ({@link #kioskPaymentKey}). A draft (central away)
     * is cancelled at once: the kiosk never takes an order it cannot be paid for now.
     */
    public ShopOrder placeAtKiosk(String productId, String phone) {
        ShopOrder o = place(new OrderRequest(phone, null, List.of(new LineRequest(productId, 1)), "STATION", null, "kiosk-" + UUID.randomUUID()))
                .order();
        if (o.status() == OrderStatus.DRAFT) {
            return cancel(o.id());
        }
        if (o.status() != OrderStatus.RESERVED) {
            return o;
        }
        recordConsent(o.id(), "KIOSK");
        jdbc.sql("UPDATE shopping_order SET payment_key = ?, version = version + 1 WHERE id = ? AND payment_key IS NULL")
                .params(kioskPaymentKey(o), o.id()).update();
        return find(o.id());
    }

    /** The key the kiosk's pay step takes an order's payment under. */
    public static String kioskPaymentKey(ShopOrder o) {
        return "shop-kiosk-" + o.id();
    }

    private ShopOrder recordConsent(UUID id, String how) {
        ShopOrder o = find(id);
        if (o.consented()) {
            return o;
        }
        if (o.status() != OrderStatus.DRAFT && o.status() != OrderStatus.REVIEW && o.status() != OrderStatus.RESERVED) {
            throw new ShoppingRefused("NOT_CANCELLABLE", 409, "shopping.error.not-cancellable");
        }
        tx.executeWithoutResult(s -> {
            if (jdbc.sql("UPDATE shopping_order SET consent_how = ?, consent_at = ?, consent_terminal = ?, version = version + 1 WHERE id = ? AND consent_at IS NULL")
                    .params(how, utc(clock.instant()), CurrentTerminal.name(), id).update() == 1) {
                audit.record("shopping.consent", o.orderNo() + " " + how);
            }
        });
        return find(id);
    }

    /** Prints the order slip the resident signs when there is no display (large type, signature line). */
    public void printSlip(UUID id) {
        ShopOrder o = find(id);
        Locale zh = Translations.SIMPLIFIED;
        PrintDocument.Builder slip = PrintDocument.builder("order-slip").center().large(station.station().name())
                .huge(Translations.translate("shopping.slip.title", zh)).left()
                .large(Translations.translate("shopping.receipt.order", zh, o.orderNo()));
        lines(slip, o, zh);
        slip.text(Translations.translate("shopping.slip.consent", zh)).feed(2)
                .large(Translations.translate("shopping.slip.signature", zh)).feed(1).text(time.dateTime(clock.instant())).feed(1);
        printing.printAt(CurrentTerminal.name(), DeviceKind.RECEIPT_PRINTER, slip.build());
    }

    private void lines(PrintDocument.Builder doc, ShopOrder o, Locale zh) {
        for (ShopOrder.Line l : o.lines()) {
            doc.large(l.name()).text("  " + l.quantity() + " × " + Money.yuan(l.priceFen()) + " = " + Money.yuan(l.amountFen()));
        }
        if (o.discountFen() > 0) {
            doc.text(Translations.translate("shopping.receipt.offer", zh, String.valueOf(o.offerText()), Money.yuan(o.discountFen())));
        }
        doc.huge(Translations.translate("shopping.receipt.total", zh, Money.yuan(o.totalFen())));
    }

    // ---------------------------------------------------------------- paying

    /**
     * Takes the payment for a reserved order the resident consented to: cash at this counter, or a
     * payment code charged through central ({@code RESERVED} while it is pending; the background job
     * settles it). Refused: {@code NOT_RESERVED}, {@code CONSENT_REQUIRED}, {@code RESERVATION_EXPIRED};
     * the payment's own refusals pass through unchanged.
     */
    public ShopOrder pay(UUID id, PayRequest request) {
        String key = Payments.idempotencyKey(request.idempotencyKey());
        ShopOrder o = find(id);
        if (o.paymentId() != null && key.equals(o.paymentKey())) {
            return o;
        }
        payable(o);
        String method = request.method() == null ? "" : request.method().strip().toUpperCase(Locale.ROOT);
        String purpose = Translations.translate("shopping.payment.purpose", Translations.SIMPLIFIED, o.orderNo());
        if (method.equals(Payments.CASH)) {
            ShopOrder paid = tx.execute(s -> {
                if (jdbc.sql("UPDATE shopping_order SET payment_key = ?, version = version + 1 WHERE id = ? AND status = 'RESERVED' AND payment_id IS NULL")
                        .params(key, id).update() == 0) {
                    throw new ShoppingRefused("NOT_RESERVED", 409, "shopping.error.not-reserved");
                }
                Payment cash = payments.takeCash(SERVICE, o.totalFen(), purpose, request.tenderedFen(), true);
                return paid(id, cash);
            });
            confirm(paid);
            return find(id);
        }
        if (!method.equals(Payments.CODE)) {
            throw new io.yizhan.station.payments.PaymentRefused("BAD_METHOD", 400, "payments.error.method");
        }
        tx.executeWithoutResult(s -> {
            if (jdbc.sql("UPDATE shopping_order SET payment_key = ?, version = version + 1 WHERE id = ? AND status = 'RESERVED' AND payment_id IS NULL")
                    .params(key, id).update() == 0) {
                throw new ShoppingRefused("NOT_RESERVED", 409, "shopping.error.not-reserved");
            }
        });
        Payment payment = payments.takeCode(SERVICE, new PaymentRequest(o.totalFen(), purpose, Payments.CODE, request.authCode(), null, key), null, true)
                .payment();
        return settle(id, payment);
    }

    /** Why an order cannot be paid now, if it cannot: not reserved, no consent, or its reservation ran out. */
    public void payable(ShopOrder o) {
        if (o.status() == OrderStatus.EXPIRED || o.status() == OrderStatus.RESERVED && o.reservedUntil() != null
                && !o.reservedUntil().isAfter(clock.instant())) {
            throw new ShoppingRefused("RESERVATION_EXPIRED", 409, "shopping.error.expired");
        }
        if (o.status() != OrderStatus.RESERVED) {
            throw new ShoppingRefused("NOT_RESERVED", 409, "shopping.error.not-reserved");
        }
        if (!o.consented()) {
            throw new ShoppingRefused("CONSENT_REQUIRED", 409, "shopping.error.consent");
        }
    }

    /**
     * Brings an order in line with its payment: paid → {@code PAID} (receipt, event, confirmed to
     * central); failed or reversed → the order may be paid again (another code, or cash). Idempotent.
     */
    public ShopOrder settle(UUID id, Payment payment) {
        if (payment.status().paid()) {
            ShopOrder o = tx.execute(s -> paid(id, payment));
            confirm(o);
            return find(id);
        }
        if (payment.status() == PaymentStatus.FAILED || payment.status() == PaymentStatus.REVOKED) {
            jdbc.sql("UPDATE shopping_order SET payment_key = NULL, version = version + 1 WHERE id = ? AND status = 'RESERVED' AND payment_id IS NULL")
                    .param(id).update();
            throw new ShoppingRefused("PAYMENT_FAILED", 402, "shopping.error.payment-failed", payment.reason() == null ? "" : payment.reason());
        }
        return find(id);
    }

    private ShopOrder paid(UUID id, Payment payment) {
        if (jdbc.sql("UPDATE shopping_order SET status = 'PAID', payment_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'RESERVED'")
                .params(payment.id(), utc(clock.instant()), id).update() == 1) {
            ShopOrder o = find(id);
            events.publishEvent(new OrderPaid(UuidV7.next(clock), id, o.orderNo(), payment.amountFen(), payment.id(), clock.instant()));
            // the confirmation by text message, sent by central like the parcel texts
            residents.phoneOf(o.residentId()).ifPresent(phone -> events.publishEvent(new io.yizhan.station.parcels.NotificationRequested(
                    UuidV7.next(clock), UuidV7.next(clock), id, "ORDER_PAID", phone, Translations.translate("shopping.sms.paid",
                    Translations.SIMPLIFIED, station.station().name(), o.orderNo(), Money.yuan(payment.amountFen()), o.checkCode()), clock.instant())));
            audit.record("shopping.order-paid", o.orderNo());
            printReceipt(o, payment);
        }
        return find(id);
    }

    /** The order receipt: order number, lines, total, and the QR and check code for the kiosk's 我的订单. */
    private void printReceipt(ShopOrder o, Payment payment) {
        Locale zh = Translations.SIMPLIFIED;
        PrintDocument.Builder receipt = PrintDocument.builder("order-receipt").center().large(station.station().name())
                .huge(Translations.translate("shopping.receipt.title", zh)).left()
                .large(Translations.translate("shopping.receipt.order", zh, o.orderNo()));
        lines(receipt, o, zh);
        receipt.text(Translations.translate("shopping.receipt.paid", zh, Translations.translate("payments.take.method." + payment.method(), zh),
                        time.dateTime(payment.paidAt())))
                .text(Translations.translate(o.delivery().equals("HOME") ? "shopping.receipt.home" : "shopping.receipt.station", zh))
                .large(Translations.translate("shopping.receipt.check-code", zh, o.checkCode()))
                .text(Translations.translate("shopping.receipt.kiosk", zh))
                .center().qr(o.receiptCode(), 30).feed(1);
        if (payment.method().equals(Payments.CASH)) {
            receipt.kickDrawer();
        }
        printing.printAt(CurrentTerminal.name(), DeviceKind.RECEIPT_PRINTER, receipt.build());
    }

    /**
     * Tells central the order is paid. Central paid → confirmed. Central let it expire and its stock
     * is gone → the payment is refunded in full and the order is {@code REFUNDED}. Central away → tried
     * again by the background job.
     */
    public void confirm(ShopOrder o) {
        if (o.status() != OrderStatus.PAID || o.paidConfirmed() || o.paymentId() == null) {
            return;
        }
        ShopOrders.Answer a;
        try {
            a = central.post(ShopOrders.PATH + "/" + o.orderNo() + "/paid", new ShopOrders.Paid(o.paymentId().toString(), o.totalFen()),
                    ShopOrders.Answer.class, CENTRAL_WAIT);
        } catch (CentralCallFailed e) {
            return;
        }
        switch (a.status()) {
            case "PAID", "SHIPPED", "ARRIVED", "RECEIVED", "COMPLETED" ->
                    jdbc.sql("UPDATE shopping_order SET paid_confirmed = TRUE, version = version + 1 WHERE id = ?").param(o.id()).update();
            case "EXPIRED", "CANCELLED" -> refundAll(o, Translations.translate("shopping.refund.expired", Translations.SIMPLIFIED, o.orderNo()));
            default -> log.error("central answered {} to the payment of order {}: left for the manager", a.status(), o.orderNo());
        }
    }

    private void refundAll(ShopOrder o, String reason) {
        UUID paymentId = java.util.Objects.requireNonNull(o.paymentId());
        refunds.refund(paymentId, o.totalFen(), reason, "shop-refund-" + o.orderNo(), "system");
        tx.executeWithoutResult(s -> {
            if (move(o.id(), OrderStatus.PAID, OrderStatus.REFUNDED, "paid_confirmed = TRUE")) {
                events.publishEvent(new OrderRefunded(UuidV7.next(clock), o.id(), o.orderNo(), o.totalFen(), reason, clock.instant()));
            }
        });
    }

    /** Orders paid but not yet confirmed to central, and code payments still pending: for the background job. */
    public void settleOpenPayments() {
        // only the orders with something to settle: every few seconds, so no order is read for nothing
        for (ShopOrder o : load(jdbc.sql("SELECT id FROM shopping_order WHERE status = 'RESERVED' AND payment_key IS NOT NULL ORDER BY created_at")
                .query(UUID.class).list())) {
            payments.byIdempotencyKey(java.util.Objects.requireNonNull(o.paymentKey())).ifPresent(p -> {
                try {
                    settle(o.id(), p);
                } catch (ShoppingRefused failed) {
                    // the code payment failed: the order waits for another
                }
            });
        }
        for (ShopOrder o : load(jdbc.sql("SELECT id FROM shopping_order WHERE status = 'PAID' AND NOT paid_confirmed ORDER BY created_at")
                .query(UUID.class).list())) {
            confirm(o);
        }
    }

    // ---------------------------------------------------------------- central's feed, the parcel

    /** A change central reports on the feed: the order follows it where that moves it forward. */
    public void follow(String orderNo, String status, @Nullable Instant reservedUntil, @Nullable String courier, @Nullable String waybill) {
        Optional<ShopOrder> found = orders.findByOrderNo(orderNo);
        if (found.isEmpty()) {
            return;
        }
        ShopOrder o = found.get();
        switch (status) {
            case "RESERVED" -> {
                if (o.status() == OrderStatus.REVIEW || o.status() == OrderStatus.DRAFT) {
                    move(o.id(), o.status(), OrderStatus.RESERVED, "reserved_until = ?", reservedUntil == null ? null : utc(reservedUntil));
                }
            }
            case "REVIEW" -> move(o.id(), OrderStatus.DRAFT, OrderStatus.REVIEW, null);
            case "EXPIRED" -> {
                if (o.status() == OrderStatus.RESERVED && o.paymentKey() == null) {
                    move(o.id(), OrderStatus.RESERVED, OrderStatus.EXPIRED, null);
                }
            }
            case "CANCELLED" -> {
                if (o.status() == OrderStatus.RESERVED && o.paymentKey() == null || o.status() == OrderStatus.REVIEW) {
                    move(o.id(), o.status(), OrderStatus.CANCELLED, null);
                }
            }
            case "PAID" -> jdbc.sql("UPDATE shopping_order SET paid_confirmed = TRUE WHERE id = ? AND status = 'PAID'").param(o.id()).update();
            case "SHIPPED" -> {
                String w = waybill == null ? null : waybill.toUpperCase(Locale.ROOT);
                if (!move(o.id(), OrderStatus.PAID, OrderStatus.SHIPPED, "courier = ?, waybill = ?, paid_confirmed = TRUE", courier, w)
                        && move(o.id(), OrderStatus.AFTER_SALES, OrderStatus.SHIPPED, "courier = ?, waybill = ?, parcel_id = NULL", courier, w)) {
                    // an exchange or a repair shipped anew: its after-sales case is done
                    jdbc.sql("UPDATE shopping_after_sales SET status = 'DONE', done_at = ? WHERE order_id = ? AND status = 'APPROVED'")
                            .params(utc(clock.instant()), o.id()).update();
                }
            }
            case "COMPLETED" -> move(o.id(), OrderStatus.RECEIVED, OrderStatus.COMPLETED, "completed_at = ?", utc(clock.instant()));
            default -> {
                // ARRIVED and RECEIVED start at the station
            }
        }
    }

    /** The shipped order this waybill belongs to, if any: the parcel counter links them on check-in. */
    public Optional<ShopOrder> shippedWith(String waybill) {
        return jdbc.sql("SELECT id FROM shopping_order WHERE waybill = ? AND status = 'SHIPPED'").param(waybill.toUpperCase(Locale.ROOT))
                .query(UUID.class).optional().map(this::find);
    }

    /** The order's parcel was checked in: {@code ARRIVED}, linked to the parcel. In the check-in's transaction. */
    public void arrived(String waybill, UUID parcelId) {
        shippedWith(waybill).ifPresent(o -> {
            if (move(o.id(), OrderStatus.SHIPPED, OrderStatus.ARRIVED, "parcel_id = ?", parcelId)) {
                events.publishEvent(new OrderArrived(UuidV7.next(clock), o.id(), o.orderNo(), parcelId, clock.instant()));
                audit.record("shopping.order-arrived", o.orderNo());
            }
        });
    }

    /** The order's parcel was picked up: {@code RECEIVED}; central completes it after the confirmation days. */
    public void received(UUID parcelId) {
        jdbc.sql("SELECT id FROM shopping_order WHERE parcel_id = ? AND status = 'ARRIVED'").param(parcelId).query(UUID.class).optional()
                .ifPresent(id -> {
                    ShopOrder o = find(id);
                    if (move(id, OrderStatus.ARRIVED, OrderStatus.RECEIVED, "received_at = ?", utc(clock.instant()))) {
                        events.publishEvent(new OrderReceived(UuidV7.next(clock), id, o.orderNo(), parcelId, clock.instant()));
                    }
                });
    }

    // ---------------------------------------------------------------- reading

    public ShopOrder find(UUID id) {
        return orders.findById(id).orElseThrow(() -> new ShoppingRefused("NOT_FOUND", 404, "shopping.error.not-found"));
    }

    public Optional<ShopOrder> byOrderNo(String orderNo) {
        return orders.findByOrderNo(orderNo);
    }

    public List<ShopOrder> byStatus(OrderStatus status) {
        return load(jdbc.sql("SELECT id FROM shopping_order WHERE status = ? ORDER BY created_at").param(status.name()).query(UUID.class).list());
    }

    /** These orders with their lines, read together, in the order of the ids. */
    private List<ShopOrder> load(List<UUID> ids) {
        Map<UUID, ShopOrder> byId = new java.util.HashMap<>();
        orders.findAllById(ids).forEach(o -> byId.put(o.id(), o));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The counter's list: open orders and those received in the after-sales window, newest first. */
    public List<ShopOrder> recent() {
        return load(jdbc.sql("""
                        SELECT id FROM shopping_order WHERE status NOT IN ('COMPLETED', 'CANCELLED', 'EXPIRED', 'REJECTED', 'REFUNDED')
                            OR updated_at > ? ORDER BY created_at DESC FETCH FIRST 200 ROWS ONLY""")
                .param(utc(clock.instant().minus(Duration.ofDays(rules.noReasonDays())))).query(UUID.class).list());
    }

    /** A resident's orders, newest first (the kiosk shows them once a receipt's code proved whose they are). */
    public List<ShopOrder> ofResident(UUID residentId) {
        return load(jdbc.sql("SELECT id FROM shopping_order WHERE resident_id = ? ORDER BY created_at DESC FETCH FIRST 20 ROWS ONLY").param(residentId)
                .query(UUID.class).list());
    }

    /** The order a receipt's QR names, if its check code is right. */
    public Optional<ShopOrder> byReceiptCode(String scanned) {
        String[] parts = scanned.strip().split(":");
        if (parts.length != 3 || !parts[0].equals("YZO")) {
            return Optional.empty();
        }
        return orders.findByOrderNo(parts[1]).filter(o -> o.checkCode().equals(parts[2]));
    }

    /** The order of this phone with this receipt's check code, if there is one: a phone alone shows nothing. */
    public Optional<ShopOrder> byPhoneAndCode(String phone, String checkCode) {
        return residents.byPhone(phone).flatMap(r -> ofResident(r.id()).stream().filter(o -> o.checkCode().equals(checkCode)).findFirst());
    }

    /** The home address, opened for the clerk who ships or the receipt; empty for delivery to the station. */
    public Optional<String> address(ShopOrder o) {
        return Optional.ofNullable(o.addressSealed()).map(secrets::open);
    }

    private boolean move(UUID id, OrderStatus from, OrderStatus to, @Nullable String also, @Nullable Object... values) {
        List<Object> params = new ArrayList<>();
        params.add(to.name());
        params.add(utc(clock.instant()));
        if (also != null) {
            params.addAll(java.util.Arrays.asList(values));
        }
        params.add(id);
        params.add(from.name());
        return jdbc.sql("UPDATE shopping_order SET status = ?, updated_at = ?" + (also == null ? "" : ", " + also)
                + ", version = version + 1 WHERE id = ? AND status = ?").params(params).update() == 1;
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}

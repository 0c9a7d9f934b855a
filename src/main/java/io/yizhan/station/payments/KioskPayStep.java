package io.yizhan.station.payments;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import io.yizhan.station.counter.CounterRequest;
import io.yizhan.station.counter.CounterRequests;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.shared.Money;
import io.yizhan.station.terminals.CurrentTerminal;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The pay step of a kiosk service, reusable by every kiosk service that takes money: the amount in
 * huge type, "请出示付款码" shown and spoken; the resident holds the payment code under the kiosk
 * scanner (the screen that shows this step passes its scans to {@link #onScan}); waiting ("请在手机上
 * 输入密码"), success and failure said in plain words; or "到柜台付现金", which puts a numbered request
 * on the counter's queue. Made by {@link KioskPay#step}.
 */
public class KioskPayStep extends Div {

    /** Failure reasons told in their own words at the kiosk; any other is told as OTHER. */
    private static final java.util.Set<String> REASONS = java.util.Set.of("NOTENOUGH", "AUTHCODEEXPIRE", "CENTRAL_UNREACHABLE", "TIMED_OUT");

    private final Payments payments;
    private final CounterRequests requests;
    private final long amountFen;
    private final String purpose;
    private final Consumer<Payment> paid;
    private final Consumer<String> speak;
    private final Paragraph message = new Paragraph();
    private final NativeButton atCounter;
    private @Nullable UUID pending;
    private @Nullable UUID failed;
    private long pendingSince;
    private boolean slowSaid;
    private @Nullable Registration polling;
    private boolean done;

    private final @Nullable String idempotencyKey;

    KioskPayStep(Payments payments, CounterRequests requests, long amountFen, String purpose, @Nullable String idempotencyKey, Consumer<Payment> paid,
                 Consumer<String> speak) {
        this.idempotencyKey = idempotencyKey;
        this.payments = payments;
        this.requests = requests;
        this.amountFen = amountFen;
        this.purpose = purpose;
        this.paid = paid;
        this.speak = speak;
        addClassName("kiosk-pay");
        setId("kiosk-pay");
        Span amount = new Span(Money.yuan(amountFen));
        amount.setId("pay-amount");
        amount.addClassName("kiosk-pay-amount");
        message.setId("pay-message");
        message.addClassName("kiosk-lead");
        message.getElement().setAttribute("role", "status");
        atCounter = new NativeButton(getTranslation("payments.kiosk.counter"), e -> payAtCounter());
        atCounter.setId("pay-at-counter");
        atCounter.addClassNames("kiosk-button", "secondary");
        add(amount, message, atCounter);
        say(getTranslation("payments.kiosk.show-code", Money.yuan(amountFen)));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> poll());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    /** A scan at the kiosk scanner while this step shows: the resident's payment code. */
    public void onScan(ScanReceived scan) {
        if (done || pending != null) {
            return;
        }
        try {
            // the first code makes the payment; a code shown after a failure tries the same payment again
            Payment p = failed == null
                    ? payments.take(new PaymentRequest(amountFen, purpose, Payments.CODE, scan.code(), null,
                            idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString())).payment()
                    : payments.retry(failed, scan.code());
            show(p);
        } catch (PaymentRefused refused) {
            say(getTranslation(switch (refused.code()) {
                case "BAD_AUTH_CODE" -> "payments.kiosk.not-a-code";
                case "SECOND_CHECK_REQUIRED", "LIMIT_EXCEEDED" -> "payments.kiosk.too-large";
                default -> "payments.kiosk.failed.other";
            }));
        }
    }

    private void show(Payment p) {
        switch (p.status()) {
            case PENDING -> {
                pending = p.id();
                pendingSince = System.nanoTime();
                slowSaid = false;
                atCounter.setVisible(false);
                say(getTranslation("payments.take.waiting"));
                getUI().ifPresent(ui -> ui.setPollInterval(1000));
            }
            case SUCCEEDED -> {
                pending = null;
                done = true;
                getUI().ifPresent(ui -> ui.setPollInterval(-1));
                say(getTranslation("payments.kiosk.paid", Money.yuan(p.amountFen())));
                paid.accept(p);
            }
            default -> {
                pending = null;
                failed = p.id();
                atCounter.setVisible(true);
                getUI().ifPresent(ui -> ui.setPollInterval(-1));
                String reason = p.reason() != null && REASONS.contains(p.reason()) ? p.reason() : "OTHER";
                say(getTranslation("payments.kiosk.failed", getTranslation("payments.kiosk.reason." + reason)));
            }
        }
    }

    private void poll() {
        if (pending != null) {
            Payment p = payments.find(pending).orElse(null);
            if (p != null && p.status() != PaymentStatus.PENDING) {
                show(p);
            } else if (!slowSaid && System.nanoTime() - pendingSince > payments.slowNotice().toNanos()) {
                slowSaid = true;
                say(getTranslation("payments.kiosk.slow"));
            }
        }
    }

    private void payAtCounter() {
        CounterRequest r = requests.post("PAY_CASH", Money.yuan(amountFen) + " " + purpose, CurrentTerminal.name(), null);
        done = true;
        atCounter.setVisible(false);
        say(getTranslation("payments.kiosk.go-to-counter", r.number()));
    }

    private void say(String text) {
        message.setText(text);
        speak.accept(text);
    }
}

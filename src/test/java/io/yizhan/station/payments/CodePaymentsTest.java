package io.yizhan.station.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.contract.GatewayTrade;
import io.yizhan.station.link.CentralCallFailed;
import io.yizhan.station.link.CentralLink;
import io.yizhan.station.payments.internal.PendingPayments;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.CentralSwitch;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.WithCentral;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Payment codes against central's real sandbox over HTTP, one test per ending of the auth code and
 * per unknown-result path: every payment ends SUCCEEDED, FAILED or REVOKED, and central holds
 * exactly one successful charge for each succeeded payment and none for the others.
 */
class CodePaymentsTest extends WithCentral {

    @Autowired
    Payments payments;
    @Autowired
    PendingPayments pending;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    StationTime time;
    @Autowired
    Refunds refunds;
    @Autowired
    CentralLink centralLink;
    @Autowired
    io.yizhan.station.payments.internal.Settlement settlement;

    @BeforeEach
    void signIn() {
        SignedIn.as(security, "clerk", Role.CLERK);
    }

    @AfterEach
    void restore() throws Exception {
        link().set(CentralSwitch.Mode.PASS);
        SignedIn.out(security);
    }

    /** A WeChat payment code (18 digits starting 10–15) ending in {@code ending}, never the same twice. */
    static String wechat(String ending) {
        return "13" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L)) + ending;
    }

    static String alipay(String ending) {
        return "28" + String.format("%016d", ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L)) + ending;
    }

    private Payment pay(long fen, String code) {
        return payments.take(new PaymentRequest(fen, "测试 " + code.substring(code.length() - 2), "CODE", code, null,
                UUID.randomUUID().toString())).payment();
    }

    /** Central's trades for a payment, by status. */
    private List<String> atCentral(Payment p) {
        List<String> numbers = jdbc.sql("SELECT out_trade_no FROM payments_attempt WHERE payment_id = ?").param(p.id()).query(String.class).list();
        return numbers.stream().map(no -> centralDb().sql("SELECT status FROM central_gateway_trade WHERE out_trade_no = ?").param(no)
                .query(String.class).optional().orElse("NONE")).toList();
    }

    private Payment settleAfter(Payment p, Duration stationTime) {
        clock.advance(stationTime);
        pending.settleDue();
        return payments.find(p.id()).orElseThrow();
    }

    /**
     * As {@link #settleAfter}, and while the payment is still pending the job runs again (the station's
     * clock 6 s on each time, past the job's re-check after a query central did not answer in time, a
     * few times at most): on a loaded machine the in-JVM central may take longer than the tests' 1-second
     * call timeout to answer a query, which the job simply asks again — the outcome asserted stays the same.
     */
    private Payment settledAfter(Payment p, Duration stationTime) throws InterruptedException {
        Payment now = settleAfter(p, stationTime);
        for (int i = 0; i < 5 && now.status() == PaymentStatus.PENDING; i++) {
            Thread.sleep(200);
            now = settleAfter(p, Duration.ofSeconds(6));
        }
        return now;
    }

    @Test
    void ending00SucceedsAtOnceWithTheFeeAndTheEvent() {
        Payment p = pay(1234, wechat("00"));
        assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(p.method()).isEqualTo("CODE");
        assertThat(p.channel()).isEqualTo("WECHAT");
        assertThat(p.feeFen()).as("0.38 % of ¥12.34, rounded half up").isEqualTo(5);
        assertThat(atCentral(p)).containsExactly("SUCCESS");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE aggregate_id = ? AND type = 'PaymentTaken'").param(p.id().toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(pay(500, alipay("77")).channel()).as("any other ending succeeds too").isEqualTo("ALIPAY");
    }

    @Test
    void ending01WaitsForThePasswordThenSucceeds() throws Exception {
        Payment p = pay(800, wechat("01"));
        assertThat(p.status()).isEqualTo(PaymentStatus.PENDING);
        Thread.sleep(CONFIRM_AFTER_MS + 200);
        assertThat(settledAfter(p, Duration.ofSeconds(5)).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(atCentral(p)).containsExactly("SUCCESS");
    }

    @Test
    void ending02NeverConfirmedIsReversedAfterTheLimit() {
        Payment p = pay(800, wechat("02"));
        assertThat(settleAfter(p, Duration.ofSeconds(40)).status()).isEqualTo(PaymentStatus.PENDING);
        Payment after = settleAfter(p, Duration.ofSeconds(6));
        assertThat(after.status()).isEqualTo(PaymentStatus.REVOKED);
        assertThat(after.reason()).isEqualTo("TIMED_OUT");
        assertThat(atCentral(p)).containsExactly("REVOKED");
    }

    @Test
    void ending03And06FailWithTheChannelsReason() {
        Payment poor = pay(800, wechat("03"));
        assertThat(poor.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(poor.reason()).isEqualTo("NOTENOUGH");
        Payment expired = pay(800, alipay("06"));
        assertThat(expired.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(expired.reason()).isEqualTo("AUTHCODEEXPIRE");
    }

    @Test
    void ending04SystemErrorIsAskedAboutAndFoundPaid() throws Exception {
        Payment p = pay(900, wechat("04"));
        assertThat(p.status()).as("unknown, not failed").isEqualTo(PaymentStatus.PENDING);
        assertThat(settledAfter(p, Duration.ZERO).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(atCentral(p)).containsExactly("SUCCESS");
    }

    @Test
    void ending05AnswerLaterThanTheCallTimeoutIsFoundByQuery() throws Exception {
        Payment p = pay(900, wechat("05"));
        assertThat(p.status()).as("the station stopped waiting after yizhan.payments.call-timeout").isEqualTo(PaymentStatus.PENDING);
        assertThat(settledAfter(p, Duration.ZERO).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(atCentral(p)).containsExactly("SUCCESS");
    }

    @Test
    void aCodePaysOnceAndTheSameKeyNeverChargesTwice() {
        String code = wechat("00");
        String key = UUID.randomUUID().toString();
        PaymentRequest request = new PaymentRequest(700, "一次", "CODE", code, null, key);
        Payments.Taken first = payments.take(request);
        Payments.Taken again = payments.take(request);
        assertThat(again.created()).isFalse();
        assertThat(again.payment().id()).isEqualTo(first.payment().id());
        assertThat(atCentral(first.payment())).containsExactly("SUCCESS");
        assertThatThrownBy(() -> payments.take(new PaymentRequest(701, "一次", "CODE", code, null, key)))
                .extracting("code").isEqualTo("IDEMPOTENCY_KEY_REUSED");
        Payment reused = pay(700, code);
        assertThat(reused.status()).as("the same code scanned again").isEqualTo(PaymentStatus.FAILED);
        assertThat(reused.reason()).isEqualTo("AUTHCODEEXPIRE");
    }

    @Test
    void garbageCodesAndAmountsAreRefusedBeforeAnyCall() {
        long trades = centralDb().sql("SELECT COUNT(*) FROM central_gateway_trade").query(Long.class).single();
        for (String bad : List.of("", "12345", "9" + "0".repeat(17), "16" + "0".repeat(16), "abc123456789012345", "31" + "0".repeat(16))) {
            assertThatThrownBy(() -> pay(100, bad + "00")).as(bad).extracting("code").isEqualTo("BAD_AUTH_CODE");
        }
        assertThatThrownBy(() -> pay(0, wechat("00"))).extracting("code").isEqualTo("BAD_AMOUNT");
        assertThatThrownBy(() -> pay(-5, wechat("00"))).extracting("code").isEqualTo("BAD_AMOUNT");
        assertThatThrownBy(() -> pay(Long.MAX_VALUE, wechat("00"))).extracting("code").isEqualTo("BAD_AMOUNT");
        assertThat(centralDb().sql("SELECT COUNT(*) FROM central_gateway_trade").query(Long.class).single()).isEqualTo(trades);
    }

    @Test
    void aboveTheSecondCheckAManagerMustConfirmAndLimitsComeFirst() {
        assertThatThrownBy(() -> pay(500_001, wechat("00"))).extracting("code").isEqualTo("LIMIT_EXCEEDED");
        assertThatThrownBy(() -> pay(200_001, wechat("00"))).extracting("code").isEqualTo("SECOND_CHECK_REQUIRED");
        SignedIn.as(security, "manager", Role.MANAGER);
        assertThat(pay(200_001, wechat("00")).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void theDailyLimitCountsWhatWasTakenAndGivesBackWhatFailed() {
        SignedIn.as(security, "manager", Role.MANAGER);
        long taken = jdbc.sql("SELECT COALESCE(SUM(code_fen), 0) FROM payments_day_total WHERE pay_day = ?").param(time.date(clock.instant()))
                .query(Long.class).single();
        long left = 5_000_000 - taken;
        assertThat(pay(500_000, wechat("03")).status()).as("a failed payment gives its share back").isEqualTo(PaymentStatus.FAILED);
        while (left >= 500_000) {
            assertThat(pay(500_000, wechat("00")).status()).isEqualTo(PaymentStatus.SUCCEEDED);
            left -= 500_000;
        }
        if (left > 0) {
            pay(left, wechat("00"));
        }
        assertThatThrownBy(() -> pay(1, wechat("00"))).extracting("code").isEqualTo("LIMIT_EXCEEDED");
        clock.advance(Duration.ofDays(1));
        assertThat(pay(100, wechat("00")).status()).as("a new day").isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void cancelWhileThePasswordIsTypedReversesAtOnce() {
        Payment p = pay(650, wechat("02"));
        Payment cancelled = payments.cancel(p.id());
        assertThat(cancelled.status()).isEqualTo(PaymentStatus.REVOKED);
        assertThat(cancelled.reason()).isEqualTo("CANCELLED");
        assertThat(atCentral(p)).containsExactly("REVOKED");
    }

    /**
     * Cuts the link; a connection the station's HTTP client kept open from before fails on its next use
     * (as when a real link drops), so these throwaway calls use those up until a new connection is refused.
     */
    private void cutTheLink() throws Exception {
        link().set(CentralSwitch.Mode.DOWN);
        List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            try {
                centralLink.get("/api/gateway/trades/none", GatewayTrade.class, Duration.ofSeconds(1));
                seen.add("answered");
            } catch (CentralCallFailed e) {
                if (!e.mayHaveArrived()) {
                    return;
                }
                seen.add(e.getMessage());
            }
        }
        throw new AssertionError("the link did not go down: " + seen);
    }

    private void loseAnswers() throws Exception {
        WithCentral.loseAnswers(centralLink);
    }

    @Test
    void centralUnreachableFailsPlainlyAndChargesNothing() throws Exception {
        cutTheLink();
        Payment p = pay(300, wechat("00"));
        assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(p.reason()).isEqualTo("CENTRAL_UNREACHABLE");
        assertThat(atCentral(p)).containsExactly("NONE");
    }

    @Test
    void aLostAnswerIsAskedAboutNotPaidAgain() throws Exception {
        loseAnswers();
        Payment p = pay(310, wechat("00"));
        assertThat(p.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(settleAfter(p, Duration.ZERO).status()).as("central is still unanswered").isEqualTo(PaymentStatus.PENDING);
        link().set(CentralSwitch.Mode.PASS);
        assertThat(settleAfter(p, Duration.ofSeconds(5)).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(atCentral(p)).containsExactly("SUCCESS");
    }

    @Test
    void aPayThatNeverArrivedIsReversedSoItCanNeverPayLater() throws Exception {
        // the pay call is lost on the way, and central has no trade: the number is reversed (closed for good)
        loseAnswers();
        Payment p = pay(320, wechat("02"));
        link().set(CentralSwitch.Mode.PASS);
        String outTradeNo = jdbc.sql("SELECT out_trade_no FROM payments_attempt WHERE payment_id = ?").param(p.id()).query(String.class).single();
        centralDb().sql("DELETE FROM central_gateway_trade WHERE out_trade_no = ?").param(outTradeNo).update();
        Payment after = settleAfter(p, Duration.ofSeconds(5));
        assertThat(after.status()).isEqualTo(PaymentStatus.REVOKED);
        assertThat(atCentral(p)).containsExactly("REVOKED");
    }

    @Test
    void aCodeRefundIsAcceptedThenFinishedAndNeverExceedsThePayment() throws Exception {
        Payment p = pay(1_000, alipay("00"));
        Refund part = refunds.refund(p.id(), 400, "少给了一件", UUID.randomUUID().toString(), null).refund();
        assertThat(part.status()).as("accepted is not done").isEqualTo("PENDING");
        assertThat(payments.find(p.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThatThrownBy(() -> refunds.refund(p.id(), 601, "太多", UUID.randomUUID().toString(), null))
                .extracting("code").isEqualTo("REFUND_EXCEEDS_PAYMENT");
        Thread.sleep(1_200);
        clock.advance(Duration.ofSeconds(5));
        pending.settleDue();
        for (int i = 0; i < 5 && refunds.find(part.id()).orElseThrow().status().equals("PENDING"); i++) {
            Thread.sleep(200); // a query central answered late is asked again (see settledAfter)
            clock.advance(Duration.ofSeconds(6));
            pending.settleDue();
        }
        assertThat(refunds.find(part.id()).orElseThrow().status()).isEqualTo("SUCCEEDED");
        assertThat(centralDb().sql("SELECT status FROM central_gateway_refund WHERE out_refund_no = ?")
                .param(part.id().toString().replace("-", "")).query(String.class).single()).isEqualTo("SUCCESS");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE aggregate_id = ? AND type = 'PaymentRefunded'").param(p.id().toString())
                .query(Long.class).single()).isEqualTo(1);

        String key = UUID.randomUUID().toString();
        Refund rest = refunds.refund(p.id(), 600, "退货", key, null).refund();
        assertThat(refunds.refund(p.id(), 600, "退货", key, null).refund().id()).as("the same key again").isEqualTo(rest.id());
        assertThat(payments.find(p.id()).orElseThrow().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(centralDb().sql("SELECT refunded_fen FROM central_gateway_trade t JOIN central_gateway_refund r ON r.out_trade_no = t.out_trade_no"
                + " WHERE r.out_refund_no = ?").param(rest.id().toString().replace("-", "")).query(Long.class).single()).isEqualTo(1_000);
    }

    @Test
    void aRefundWhoseAnswerIsLostIsAskedAboutAndSentAgainUnderTheSameNumber() throws Exception {
        Payment p = pay(700, wechat("00"));
        loseAnswers();
        Refund r = refunds.refund(p.id(), 700, "顾客不要了", UUID.randomUUID().toString(), null).refund();
        assertThat(r.status()).isEqualTo("PENDING");
        link().set(CentralSwitch.Mode.PASS);
        Thread.sleep(1_200);
        clock.advance(Duration.ofSeconds(5));
        pending.settleDue();
        assertThat(refunds.find(r.id()).orElseThrow().status()).isEqualTo("SUCCEEDED");
        assertThat(centralDb().sql("SELECT COUNT(*) FROM central_gateway_refund WHERE out_trade_no IN"
                + " (SELECT out_trade_no FROM central_gateway_refund WHERE out_refund_no = ?)").param(r.id().toString().replace("-", ""))
                .query(Long.class).single()).as("refunded once").isEqualTo(1);
    }

    @Test
    void aLargeRefundNeedsAManagerAndAFailedPaymentCannotBeRefunded() {
        Payment p = pay(30_000, wechat("00"));
        assertThatThrownBy(() -> refunds.refund(p.id(), 20_001, "整单退", UUID.randomUUID().toString(), null))
                .extracting("code").isEqualTo("SECOND_CHECK_REQUIRED");
        assertThat(refunds.refund(p.id(), 20_001, "整单退", UUID.randomUUID().toString(), "manager").refund().status()).isIn("PENDING", "SUCCEEDED");
        Payment failed = pay(100, wechat("03"));
        assertThatThrownBy(() -> refunds.refund(failed.id(), 100, "x", UUID.randomUUID().toString(), null))
                .extracting("code").isEqualTo("REFUND_NOT_ALLOWED");
        assertThatThrownBy(() -> refunds.refund(p.id(), 100, " ", UUID.randomUUID().toString(), null)).extracting("code").isEqualTo("REASON_REQUIRED");
    }

    @Test
    void anotherCodeAfterAFailureRetriesTheSamePaymentUnderANewTradeNumber() {
        Payment poor = pay(900, wechat("03"));
        assertThat(poor.status()).isEqualTo(PaymentStatus.FAILED);
        Payment again = payments.retry(poor.id(), alipay("00"));
        assertThat(again.id()).isEqualTo(poor.id());
        assertThat(again.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(again.channel()).isEqualTo("ALIPAY");
        assertThat(atCentral(again)).containsExactlyInAnyOrder("FAILED", "SUCCESS");
        assertThat(payments.retry(poor.id(), wechat("00")).status()).as("a paid payment is not tried again").isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(atCentral(again)).hasSize(2);
    }

    @Test
    void aSecondSuccessfulTradeForOnePaymentIsRefundedAutomatically() {
        // the first trade was reversed here, yet the channel shows it paid; the resident paid again with another code
        Payment p = pay(760, wechat("02"));
        payments.cancel(p.id());
        String first = jdbc.sql("SELECT out_trade_no FROM payments_attempt WHERE payment_id = ?").param(p.id()).query(String.class).single();
        centralDb().sql("UPDATE central_gateway_trade SET status = 'SUCCESS', paid_at = created_at WHERE out_trade_no = ?").param(first).update();
        assertThat(payments.retry(p.id(), wechat("00")).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        // reconciliation finds the first trade paid and completes it: the payment is already paid, so that trade goes back
        settlement.complete(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payments_refund WHERE out_trade_no = ? AND duplicate").param(first).query(Long.class).single())
                .isEqualTo(1);
        assertThat(payments.find(p.id()).orElseThrow().refundedFen()).as("the payment itself keeps its amount").isZero();
    }
}

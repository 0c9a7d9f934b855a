package io.yizhan.station.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.payments.internal.PendingPayments;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.WithCentral;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * 对账 against the statement central's sandbox gives for the day: what both sides agree on matches;
 * money the channel took for a trade that failed here is channel-only until it is completed (补单)
 * or refunded; a success here the channel lacks is local-only until a manager explains it; an
 * amount that differs is a mismatch; running the day again keeps what was decided.
 */
class ReconciliationTest extends WithCentral {

    @Autowired
    Payments payments;
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    PendingPayments pending;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    SecurityContextHolderStrategy security;

    /** The day central dates its trades (its own clock), which the station's test clock may have passed. */
    private final LocalDate day = LocalDate.ofInstant(Instant.now(), ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void signIn() {
        SignedIn.as(security, "manager", Role.MANAGER);
    }

    @AfterEach
    void out() {
        SignedIn.out(security);
    }

    private Payment pay(long fen, String ending) {
        return payments.take(new PaymentRequest(fen, "对账测试", "CODE", CodePaymentsTest.wechat(ending), null, UUID.randomUUID().toString()))
                .payment();
    }

    private String trade(Payment p) {
        return jdbc.sql("SELECT out_trade_no FROM payments_attempt WHERE payment_id = ?").param(p.id()).query(String.class).single();
    }

    private Reconciliation.Item itemOf(Reconciliation.Report r, String outTradeNo) {
        return r.items().stream().filter(i -> i.outTradeNo().equals(outTradeNo) && i.outRefundNo() == null).findFirst().orElse(null);
    }

    @Test
    void agreementMatchesAndEachKindOfDifferenceIsFoundAndDecided() {
        Payment fine = pay(1_100, "00");
        Payment lostHere = pay(1_200, "00");
        Payment lostThere = pay(1_300, "00");
        Payment wrongAmount = pay(1_400, "00");
        Payment refundInstead = pay(1_500, "00");
        // the station believes two trades failed that the channel charged, lost one trade the channel has no record of,
        // and the channel charged another amount
        for (Payment p : new Payment[] {lostHere, refundInstead}) {
            jdbc.sql("UPDATE payments_attempt SET status = 'FAILED' WHERE payment_id = ?").param(p.id()).update();
            jdbc.sql("UPDATE payments_payment SET status = 'FAILED' WHERE id = ?").param(p.id()).update();
        }
        centralDb().sql("DELETE FROM central_gateway_trade WHERE out_trade_no = ?").param(trade(lostThere)).update();
        centralDb().sql("UPDATE central_gateway_trade SET amount_fen = 1450 WHERE out_trade_no = ?").param(trade(wrongAmount)).update();
        jdbc.sql("UPDATE payments_attempt SET updated_at = ? WHERE payment_id = ?")
                .params(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), lostThere.id()).update();

        Reconciliation.Report r = reconciliation.run(day);
        assertThat(itemOf(r, trade(fine))).as("both sides agree").isNull();
        assertThat(r.matched()).isPositive();
        assertThat(itemOf(r, trade(lostHere)).kind()).isEqualTo("CHANNEL_ONLY");
        assertThat(itemOf(r, trade(lostHere)).channelFen()).isEqualTo(1_200);
        assertThat(itemOf(r, trade(lostThere)).kind()).isEqualTo("LOCAL_ONLY");
        assertThat(itemOf(r, trade(wrongAmount)).kind()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(itemOf(r, trade(wrongAmount)).stationFen()).isEqualTo(1_400);
        assertThat(reconciliation.suspense()).extracting(Reconciliation.Item::outTradeNo).contains(trade(lostHere), trade(lostThere));

        reconciliation.complete(day, trade(lostHere), "顾客确已付款，补单");
        assertThat(payments.find(lostHere.id()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        reconciliation.refund(day, trade(refundInstead), "顾客已付现金，原路退回");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payments_refund WHERE out_trade_no = ?").param(trade(refundInstead)).query(Long.class).single())
                .isEqualTo(1);
        assertThatThrownBy(() -> reconciliation.resolve(day, trade(lostThere), null, " ")).extracting("code").isEqualTo("NOTE_REQUIRED");
        reconciliation.resolve(day, trade(lostThere), null, "渠道已确认未扣款");
        assertThatThrownBy(() -> reconciliation.complete(day, trade(wrongAmount), "x")).extracting("code").isEqualTo("NOT_COMPLETABLE");

        Reconciliation.Report again = reconciliation.run(day);
        assertThat(itemOf(again, trade(lostHere)).resolution()).as("completed: matched now, the decision kept").isEqualTo("COMPLETED");
        assertThat(itemOf(again, trade(refundInstead)).resolution()).isEqualTo("REFUNDED");
        assertThat(itemOf(again, trade(lostThere)).resolution()).isEqualTo("RESOLVED");
        assertThat(itemOf(again, trade(wrongAmount)).resolution()).isEqualTo("OPEN");
        assertThat(reconciliation.suspense()).extracting(Reconciliation.Item::outTradeNo)
                .contains(trade(wrongAmount)).doesNotContain(trade(lostHere), trade(lostThere), trade(refundInstead));
    }

    @Test
    void aDayNotYetComeIsRefused() {
        assertThatThrownBy(() -> reconciliation.run(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).plusDays(2)))
                .extracting("code").isEqualTo("BAD_DATE");
    }
}

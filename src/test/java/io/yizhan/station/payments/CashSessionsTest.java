package io.yizhan.station.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Cash drawer sessions at counter-2: open with a float, cash in and out, the blind count at the
 * close with its note and Z report, and the close racing with payments — each payment's cash lands
 * in exactly one session, and every closed session's expected cash is its float plus its movements.
 */
@StationTest
class CashSessionsTest {

    @Autowired
    CashSessions sessions;
    @Autowired
    Payments payments;
    @Autowired
    PrintQueue printing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    Refunds refunds;
    @Autowired
    Disbursements disbursements;
    @Autowired
    DayReport dayReport;
    @Autowired
    io.yizhan.station.shared.StationTime time;
    @Autowired
    java.time.Clock clock;

    @BeforeEach
    void atCounter2WithNoOpenSession() {
        SignedIn.as(security, "clerk", Role.CLERK);
        AtCounter.bind("counter-2");
        sessions.current().ifPresent(s -> sessions.close(s.expectedCashFen(), null, null));
    }

    @AfterEach
    void leave() {
        AtCounter.unbind();
        SignedIn.out(security);
    }

    private Payment cash(long fen, Long tendered) {
        return payments.take(new PaymentRequest(fen, "测试现金", "CASH", null, tendered, UUID.randomUUID().toString())).payment();
    }

    @Test
    void openTakeCashWithChangeAndCloseWithTheBlindCount() {
        CashSession open = sessions.open(20_000);
        assertThat(open.terminal()).isEqualTo("counter-2");
        assertThatThrownBy(() -> sessions.open(100)).extracting("code").isEqualTo("SESSION_OPEN");

        Payment p = cash(1_250, 5_000L);
        assertThat(p.changeFen()).isEqualTo(3_750);
        assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThatThrownBy(() -> cash(1_250, 1_000L)).extracting("code").isEqualTo("TENDERED_TOO_LOW");
        sessions.payIn(1_000, "补零钱");
        sessions.payOut(500, "交银行");
        assertThatThrownBy(() -> sessions.payOut(1_000_000, "太多")).extracting("code").isEqualTo("INSUFFICIENT_CASH");
        assertThatThrownBy(() -> sessions.payOut(100, " ")).extracting("code").isEqualTo("REASON_REQUIRED");
        assertThat(sessions.current().orElseThrow().expectedCashFen()).isEqualTo(20_000 + 1_250 + 1_000 - 500);

        assertThatThrownBy(() -> sessions.close(21_000, Map.of(10_000L, 2, 100L, 9), "")).extracting("code").isEqualTo("COUNTS_MISMATCH");
        assertThatThrownBy(() -> sessions.close(21_700, null, null)).as("short by ¥0.50").extracting("code").isEqualTo("NOTE_REQUIRED");
        long zBefore = printing.recent(10_000).stream().filter(j -> j.document().equals("z-report")).count();
        CashSession closed = sessions.close(21_700, Map.of(10_000L, 2, 1_000L, 1, 500L, 1, 100L, 2), "少了五角，找零时多给");
        assertThat(closed.expectedCashFen()).isEqualTo(21_750);
        assertThat(closed.differenceFen()).isEqualTo(-50);
        assertThat(closed.note()).contains("五角");
        assertThat(sessions.current()).isEmpty();
        assertThat(printing.recent(10_000).stream().filter(j -> j.document().equals("z-report")).count()).isEqualTo(zBefore + 1);
        // the Z report's figures add up: float + cash taken + paid in − paid out = expected; counted − expected = difference
        String z = jdbc.sql("SELECT source FROM devices_print_job WHERE document = 'z-report'").query(byte[].class).list().stream()
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).filter(t -> t.contains(closed.id().toString()))
                .findFirst().orElseThrow();
        assertThat(z).contains("备用金 ¥200.00", "柜台收款 现金 ¥12.50", "存入（补零钱等） ¥10.00", "取出（交银行等） -¥5.00",
                "应有现金 ¥217.50", "清点现金 ¥217.00", "差额 -¥0.50", "少了五角", "¥100.00 × 2 = ¥200.00", "counter-2");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE aggregate_id = ? AND type = 'CashSessionClosed'").param(closed.id().toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> sessions.close(0, null, null)).extracting("code").isEqualTo("NO_CASH_SESSION");
    }

    @Test
    void inDemoModeTheFirstCashOpensTheDrawerWithAFloat() {
        Payment p = cash(800, null);
        CashSession opened = sessions.current().orElseThrow();
        assertThat(opened.floatFen()).isEqualTo(CashSessions.DEMO_FLOAT_FEN);
        assertThat(opened.expectedCashFen()).isEqualTo(CashSessions.DEMO_FLOAT_FEN + 800);
        assertThat(p.changeFen()).isZero();
    }

    @Test
    void cashNeedsACounter() {
        AtCounter.unbind();
        assertThatThrownBy(() -> cash(100, null)).extracting("code").isEqualTo("TERMINAL_REQUIRED");
        assertThatThrownBy(() -> sessions.open(100)).extracting("code").isEqualTo("TERMINAL_REQUIRED");
    }

    @Test
    void paymentsCommittedWhileTheCloseRunsLandInExactlyOneSession() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<UUID> paid = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
        List<Thread> tills = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            tills.add(Thread.ofPlatform().start(() -> {
                AtCounter.bind("counter-2");
                while (!stop.get()) {
                    try {
                        paid.add(cash(100, null).id());
                    } catch (RuntimeException e) {
                        refused.add(e);
                    }
                }
            }));
        }
        List<UUID> closedIds = new ArrayList<>();
        // close again and again while the tills keep taking cash (each close waits for at least one payment in its session)
        for (int round = 0; round < 15; round++) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (sessions.current().map(s -> s.expectedCashFen() == s.floatFen()).orElse(true) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            CashSession s = sessions.current().orElseThrow();
            closedIds.add(sessions.close(s.expectedCashFen(), null, "并发测试").id());
        }
        stop.set(true);
        for (Thread t : tills) {
            t.join(30_000);
        }
        assertThat(refused).as("no payment refused while the drawer changes hands").isEmpty();
        assertThat(paid).as("payments made during the closes").hasSizeGreaterThan(15);
        for (UUID id : paid) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM payments_cash_movement WHERE payment_id = ?").param(id).query(Long.class).single())
                    .isEqualTo(1);
        }
        for (UUID id : closedIds) {
            CashSession s = sessions.find(id).orElseThrow();
            long moved = jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM payments_cash_movement WHERE session_id = ?").param(id)
                    .query(Long.class).single();
            assertThat(s.expectedCashFen()).as("nothing joined session %s after its close", id).isEqualTo(s.floatFen() + moved);
        }
    }

    @Test
    void aCashRefundAndAPayoutLeaveTheDrawerWithASlip() {
        sessions.open(10_000);
        Payment p = cash(3_000, null);
        long slips = printing.recent(10_000).stream().filter(j -> j.document().equals("refund")).count();
        Refund r = refunds.refund(p.id(), 1_000, "退一件", UUID.randomUUID().toString(), null).refund();
        assertThat(r.status()).isEqualTo("SUCCEEDED");
        assertThat(payments.find(p.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(printing.recent(10_000).stream().filter(j -> j.document().equals("refund")).count()).isEqualTo(slips + 1);
        assertThat(sessions.current().orElseThrow().expectedCashFen()).isEqualTo(10_000 + 3_000 - 1_000);

        Disbursements.Made paidOut = disbursements.disburse(5_000, "代销结算 王大爷", "CASH", null, UUID.randomUUID().toString());
        assertThat(paidOut.disbursement().status()).isEqualTo("PAID");
        assertThat(sessions.current().orElseThrow().expectedCashFen()).isEqualTo(7_000);
        assertThatThrownBy(() -> disbursements.disburse(7_001, "太多", "CASH", null, UUID.randomUUID().toString()))
                .extracting("code").isEqualTo("INSUFFICIENT_CASH");
        assertThatThrownBy(() -> disbursements.disburse(100, "转账", "BANK", null, UUID.randomUUID().toString()))
                .extracting("code").isEqualTo("REFERENCE_REQUIRED");
        assertThat(disbursements.disburse(100_000, "转账", "BANK", "BANK-20261127-001", UUID.randomUUID().toString()).disbursement().method())
                .as("external payouts need no cash").isEqualTo("BANK");
        assertThat(sessions.current().orElseThrow().expectedCashFen()).isEqualTo(7_000);
    }

    @Test
    void aCashRefundAwayFromACounterWaitsForTheHandover() {
        Payment p = cash(2_000, null);
        AtCounter.unbind();
        Refund waiting = refunds.refund(p.id(), 2_000, "缴费失败退款", UUID.randomUUID().toString(), null).refund();
        assertThat(waiting.status()).isEqualTo("AWAITING_HANDOVER");
        assertThat(refunds.awaitingHandover()).extracting(Refund::id).contains(waiting.id());
        AtCounter.bind("counter-2");
        long before = sessions.current().orElseThrow().expectedCashFen();
        assertThat(refunds.handOver(waiting.id()).status()).isEqualTo("SUCCEEDED");
        assertThat(sessions.current().orElseThrow().expectedCashFen()).isEqualTo(before - 2_000);
        assertThat(refunds.handOver(waiting.id()).status()).as("handed over once").isEqualTo("SUCCEEDED");
        assertThat(sessions.current().orElseThrow().expectedCashFen()).isEqualTo(before - 2_000);
    }

    @Test
    void theManagersDayAddsUpEveryCountersCash() {
        java.time.LocalDate today = time.date(clock.instant());
        DayReport.Terminal before = dayReport.of(today).terminals().stream().filter(t -> t.terminal().equals("counter-2")).findFirst()
                .orElse(new DayReport.Terminal("counter-2", 0, 0, 0, 0, 0, 0, 0, 0, 0));
        sessions.open(10_000);
        Payment p = cash(2_500, null);
        refunds.refund(p.id(), 500, "退一部分", UUID.randomUUID().toString(), null);
        sessions.payOut(1_000, "交银行");
        sessions.close(11_000, null, null);
        DayReport.Terminal after = dayReport.of(today).terminals().stream().filter(t -> t.terminal().equals("counter-2")).findFirst().orElseThrow();
        assertThat(after.cashIn() - before.cashIn()).isEqualTo(2_500);
        assertThat(after.refunds() - before.refunds()).isEqualTo(-500);
        assertThat(after.paidOut() - before.paidOut()).isEqualTo(-1_000);
        assertThat(after.cashNet() - before.cashNet()).isEqualTo(1_000);
        assertThat(after.sessionsClosed() - before.sessionsClosed()).isEqualTo(1);
        assertThat(after.difference() - before.difference()).isZero();
    }
}

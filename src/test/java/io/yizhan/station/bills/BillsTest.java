package io.yizhan.station.bills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.payments.Payment;
import io.yizhan.station.payments.PaymentRequest;
import io.yizhan.station.payments.PaymentStatus;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.payments.Refunds;
import io.yizhan.station.payments.ServiceMatching;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.CentralSwitch;
import io.yizhan.station.support.EscPosPrinterSimulator;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.WithCentral;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Bill payments, top-ups and the social-security query against a real central and its sandbox:
 * every account ending, a lost answer, central away (offline acceptance drained in order), a crash
 * between paying and submitting, the kiosk's code payment, a double payment, the manager's
 * settlement, the daily matching, erasure, and that the social-security query leaves no trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class BillsTest extends WithCentral {

    @Autowired
    Bills bills;
    @Autowired
    SocialSecurity socialSecurity;
    @Autowired
    Payments payments;
    @Autowired
    Refunds refunds;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    io.yizhan.station.link.CentralLink link;
    @Autowired
    List<ServiceMatching> matchings;

    @BeforeEach
    void atTheCounter() throws Exception {
        if (Duration.between(Instant.now(), clock.instant()).abs().compareTo(Duration.ofMinutes(1)) > 0) {
            clock.set(Instant.now());
        }
        link().set(CentralSwitch.Mode.PASS);
        SignedIn.as(security, "clerk", Role.CLERK);
        AtCounter.bind("counter-1");
    }

    @AfterEach
    void leave() throws Exception {
        link().set(CentralSwitch.Mode.PASS);
        AtCounter.unbind();
        SignedIn.out(security);
    }

    /** A fresh 10-digit account with the given last digit (the sandbox's test value). */
    static String account(int ending) {
        return String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)) + ending;
    }

    static String phone(int ending) {
        return "139" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + ending;
    }

    static String code(String ending) {
        return "13" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L)) + ending;
    }

    Bills.Made cash(String kind, String account) {
        return bills.pay(new Bills.Request(kind, account, 8650, new Bills.Pay("CASH", null, 10_000L), UUID.randomUUID().toString()));
    }

    static List<String> centralStatuses(String orderNo) {
        return centralDb().sql("SELECT status FROM central_write_off WHERE station_order_no = ?").param(orderNo).query(String.class).list();
    }

    /** Runs the background job (with the station's clock at real time, as central's is) until the order is {@code wanted}. */
    BillPayment eventually(Supplier<BillPayment> read, BillStatus wanted) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        BillPayment b = read.get();
        while (b.status() != wanted && System.nanoTime() < until) {
            Thread.sleep(200);
            if (Instant.now().isAfter(clock.instant())) {
                clock.set(Instant.now());
            }
            bills.settleOpen();
            b = read.get();
        }
        assertThat(b.status()).as(b.toString()).isEqualTo(wanted);
        return b;
    }

    long outbox(String type, String orderNo) {
        return jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE type = ? AND CAST(payload AS VARCHAR(4000)) LIKE ?").params(type, "%" + orderNo + "%")
                .query(Long.class).single();
    }

    @Test
    void everyLookupEndingAnswersAsDocumented() {
        Bills.Due due = bills.lookup("WATER", account(0));
        assertThat(due.amountDueFen()).isEqualTo(8650);
        assertThat(due.holderMasked()).isEqualTo("张*华");
        assertThat(due.billerName()).isEqualTo("城市供水公司");
        assertThat(due.period()).matches("\\d{4}-\\d{2}");
        assertThatThrownBy(() -> bills.lookup("ELECTRICITY", account(1))).hasFieldOrPropertyWithValue("code", "NO_ARREARS");
        assertThatThrownBy(() -> bills.lookup("GAS", account(2))).hasFieldOrPropertyWithValue("code", "NO_SUCH_ACCOUNT")
                .hasFieldOrPropertyWithValue("httpStatus", 404);
        assertThatThrownBy(() -> bills.lookup("WATER", account(6))).hasFieldOrPropertyWithValue("code", "BATCH_DEDUCTION_WINDOW");
        assertThatThrownBy(() -> bills.lookup("WATER", "33012345")).hasFieldOrPropertyWithValue("code", "BAD_ACCOUNT");
        assertThatThrownBy(() -> bills.lookup("WATER", "33012345AB")).hasFieldOrPropertyWithValue("code", "BAD_ACCOUNT");
        assertThatThrownBy(() -> bills.lookup("PHONE", account(0))).hasFieldOrPropertyWithValue("code", "BAD_KIND");
    }

    @Test
    void aWaterBillPaidInCashIsWrittenOffOnceAndOwesNothingAfter() throws Exception {
        String acct = account(0);
        String key = UUID.randomUUID().toString();
        Bills.Request request = new Bills.Request("WATER", acct, 8650, new Bills.Pay("CASH", null, 10_000L), key);
        Bills.Made made = bills.pay(request);
        BillPayment b = made.bill();
        assertThat(made.created()).isTrue();
        assertThat(b.status()).isEqualTo(BillStatus.SUCCEEDED);
        assertThat(b.writeOffRef()).startsWith("WO");
        assertThat(b.accountMasked()).isEqualTo(acct.substring(0, 3) + "****" + acct.substring(7));
        assertThat(b.holderMasked()).isEqualTo("张*华");
        assertThat(payments.find(b.paymentId()).orElseThrow().changeFen()).isEqualTo(1350);
        assertThat(bills.pay(request).created()).as("the same key again: the first payment").isFalse();
        assertThat(centralStatuses(b.orderNo())).containsExactly("SUCCESS");
        io.yizhan.contract.Billers.WriteOffState twice = link.post(io.yizhan.contract.Billers.WRITE_OFFS,
                new io.yizhan.contract.Billers.WriteOff(b.orderNo(), "WATER", acct, 8650), io.yizhan.contract.Billers.WriteOffState.class, Duration.ofSeconds(5));
        assertThat(twice.ref()).as("the same order number again: central answers about the first").isEqualTo(b.writeOffRef());
        assertThat(centralStatuses(b.orderNo())).containsExactly("SUCCESS");
        assertThat(outbox("BillPaid", b.orderNo())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT CAST(payload AS VARCHAR(4000)) FROM sync_outbox WHERE type = 'BillPaid' AND CAST(payload AS VARCHAR(4000)) LIKE ?")
                .param("%" + b.orderNo() + "%").query(String.class).single()).doesNotContain(acct);

        assertThatThrownBy(() -> cash("WATER", acct)).as("paid twice in a minute").hasFieldOrPropertyWithValue("code", "ALREADY_PAID");
        assertThatThrownBy(() -> bills.lookup("WATER", acct)).hasFieldOrPropertyWithValue("code", "NO_ARREARS");
        assertThatThrownBy(() -> bills.pay(new Bills.Request("WATER", account(0), 8600, new Bills.Pay("CASH", null, null), UUID.randomUUID().toString())))
                .hasFieldOrPropertyWithValue("code", "AMOUNT_MISMATCH");
        assertThatThrownBy(() -> bills.pay(new Bills.Request("WATER", acct, 8650, new Bills.Pay("CASH", null, null), key)))
                .hasFieldOrPropertyWithValue("code", "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aProcessingWriteOffSucceedsByItselfLater() throws Exception {
        BillPayment b = cash("ELECTRICITY", account(3)).bill();
        assertThat(b.status()).isEqualTo(BillStatus.SUBMITTED);
        assertThat(centralStatuses(b.orderNo())).containsExactly("PROCESSING");
        BillPayment done = eventually(() -> bills.find(b.id()), BillStatus.SUCCEEDED);
        assertThat(done.writeOffRef()).isNotBlank();
        assertThat(centralStatuses(b.orderNo())).containsExactly("SUCCESS");
    }

    @Test
    void aFailedWriteOffIsRefundedInFullAtOnce() {
        BillPayment b = cash("GAS", account(4)).bill();
        assertThat(b.status()).isEqualTo(BillStatus.REFUNDED);
        assertThat(b.failCode()).isEqualTo("WRITE_OFF_FAILED");
        assertThat(refunds.ofPayment(b.paymentId())).singleElement().satisfies(r -> {
            assertThat(r.amountFen()).isEqualTo(8650);
            assertThat(r.status()).isEqualTo("SUCCEEDED");
        });
        assertThat(outbox("BillRefunded", b.orderNo())).isEqualTo(1);
        assertThat(centralStatuses(b.orderNo())).containsExactly("FAILED");
        assertThat(bills.lookup("GAS", Bills.account(acctOf(b))).amountDueFen()).as("still owed").isEqualTo(8650);
    }

    private String acctOf(BillPayment b) {
        return new io.yizhan.station.shared.SecretBox(io.yizhan.station.shared.SecretBox.DEMO_KEY).open(java.util.Objects.requireNonNull(b.accountSealed()));
    }

    @Test
    void aLostAnswerIsAskedAboutAndNeverSentAgain() throws Exception {
        BillPayment lost = cash("WATER", account(5)).bill();
        assertThat(lost.status()).isEqualTo(BillStatus.UNKNOWN);
        assertThat(eventually(() -> bills.find(lost.id()), BillStatus.SUCCEEDED).writeOffRef()).isNotBlank();
        assertThat(centralStatuses(lost.orderNo())).containsExactly("SUCCESS");

        // the link loses central's answers: a lookup without an answer is central away, so the cash is accepted
        // offline, and the bill is written off once when the answers come through again
        String acct = account(0);
        loseAnswers(link);
        BillPayment unknown = cash("WATER", acct).bill();
        assertThat(unknown.status()).isEqualTo(BillStatus.ACCEPTED_OFFLINE);
        link().set(CentralSwitch.Mode.PASS);
        eventually(() -> bills.find(unknown.id()), BillStatus.SUCCEEDED);
        assertThat(centralStatuses(unknown.orderNo())).containsExactly("SUCCESS");
        assertThat(payments.find(unknown.paymentId()).orElseThrow().refundedFen()).isZero();
    }

    @Test
    void withCentralAwayTheCounterAcceptsCashAndSubmitsEachOnceInOrder() throws Exception {
        link().set(CentralSwitch.Mode.DOWN);
        String code = code("00");
        assertThatThrownBy(() -> bills.pay(new Bills.Request("WATER", account(0), 8650, new Bills.Pay("CODE", code, null), UUID.randomUUID().toString())))
                .hasFieldOrPropertyWithValue("code", "CENTRAL_UNREACHABLE");
        BillPayment first = cash("WATER", account(0)).bill();
        BillPayment noArrears = cash("ELECTRICITY", account(1)).bill();
        BillPayment wrongAmount = bills.pay(new Bills.Request("GAS", account(7), 9000, new Bills.Pay("CASH", null, null), UUID.randomUUID().toString()))
                .bill();
        BillPayment last = cash("GAS", account(8)).bill();
        assertThat(List.of(first, noArrears, wrongAmount, last)).extracting(BillPayment::status).containsOnly(BillStatus.ACCEPTED_OFFLINE);
        AtCounter.unbind();
        AtCounter.bindAs("kiosk-1", io.yizhan.station.terminals.TerminalKind.KIOSK);
        assertThatThrownBy(() -> cash("WATER", account(0))).as("never offline away from a counter").isNotNull();
        AtCounter.unbind();
        AtCounter.bind("counter-1");

        link().set(CentralSwitch.Mode.PASS);
        AtCounter.unbind(); // the background job stands at no counter
        eventually(() -> bills.find(last.id()), BillStatus.SUCCEEDED);
        eventually(() -> bills.find(first.id()), BillStatus.SUCCEEDED);
        assertThat(eventually(() -> bills.find(noArrears.id()), BillStatus.REFUNDED).failCode()).isEqualTo("NO_ARREARS");
        assertThat(eventually(() -> bills.find(wrongAmount.id()), BillStatus.REFUNDED).failCode()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(refunds.ofPayment(wrongAmount.paymentId())).singleElement().satisfies(r -> {
            assertThat(r.amountFen()).isEqualTo(9000);
            assertThat(r.status()).as("cash back at a counter: waits for the hand-over").isEqualTo("AWAITING_HANDOVER");
        });
        List<String> order = centralDb().sql("SELECT station_order_no FROM central_write_off WHERE station_order_no IN (?, ?) ORDER BY created_at")
                .params(first.orderNo(), last.orderNo()).query(String.class).list();
        assertThat(order).containsExactly(first.orderNo(), last.orderNo());
        assertThat(centralStatuses(noArrears.orderNo())).as("never sent: central's lookup said no").isEmpty();
        AtCounter.bind("counter-1");
    }

    @Test
    void aCrashBetweenPayingAndSubmittingEndsInOneWriteOffOrOneRefund() throws Exception {
        // paid, then the station died before marking it submitted: sent once when it is back
        BillPayment paid = cash("WATER", account(9)).bill();
        String again = account(0);
        centralDb().sql("DELETE FROM central_write_off WHERE station_order_no = ?").param(paid.orderNo()).update();
        jdbc.sql("UPDATE bill_payment SET status = 'PAID', write_off_ref = NULL WHERE id = ?").param(paid.id()).update();
        eventually(() -> bills.find(paid.id()), BillStatus.SUCCEEDED);
        assertThat(centralStatuses(paid.orderNo())).containsExactly("SUCCESS");

        // marked submitted, then the station died before the write-off left: central never saw it, so it is
        // cancelled there (no late arrival can write off) and refunded
        BillPayment sent = cash("WATER", again).bill();
        centralDb().sql("DELETE FROM central_write_off WHERE station_order_no = ?").param(sent.orderNo()).update();
        jdbc.sql("UPDATE bill_payment SET status = 'SUBMITTED', query_after = ? WHERE id = ?")
                .params(java.time.OffsetDateTime.now().minusSeconds(1), sent.id()).update();
        assertThat(eventually(() -> bills.find(sent.id()), BillStatus.REFUNDED).failCode()).isEqualTo("CANCELLED");
        assertThat(centralStatuses(sent.orderNo())).containsExactly("CANCELLED");
        io.yizhan.contract.Billers.WriteOffState late = link.post(io.yizhan.contract.Billers.WRITE_OFFS,
                new io.yizhan.contract.Billers.WriteOff(sent.orderNo(), "WATER", again, 8650), io.yizhan.contract.Billers.WriteOffState.class,
                Duration.ofSeconds(5));
        assertThat(late.status()).as("a late write-off under a cancelled number").isEqualTo("CANCELLED");
    }

    @Test
    void theKioskPaysByCodeUnderTheOrdersKeyAndAFailedCodeFreesTheAccount() throws Exception {
        AtCounter.unbind();
        AtCounter.bindAs("kiosk-1", io.yizhan.station.terminals.TerminalKind.KIOSK);
        String acct = account(0);
        BillPayment open = bills.openAtKiosk(BillKind.WATER, acct, 8650);
        assertThat(open.status()).isEqualTo(BillStatus.CREATED);
        assertThat(open.channel()).isEqualTo("KIOSK");
        Payment failed = payments.takeCode(Bills.SERVICE, new PaymentRequest(8650, "水费", "CODE", code("03"), null, Bills.paymentKey(open)), null, true)
                .payment();
        assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
        assertThatThrownBy(() -> bills.settle(open.id(), failed)).hasFieldOrPropertyWithValue("code", "PAYMENT_FAILED");
        assertThat(bills.find(open.id()).status()).isEqualTo(BillStatus.CANCELLED);

        BillPayment again = bills.openAtKiosk(BillKind.WATER, acct, 8650);
        Payment ok = payments.takeCode(Bills.SERVICE, new PaymentRequest(8650, "水费", "CODE", code("00"), null, Bills.paymentKey(again)), null, true)
                .payment();
        assertThat(bills.settle(again.id(), ok).status()).isEqualTo(BillStatus.SUCCEEDED);
        assertThat(centralStatuses(again.orderNo())).containsExactly("SUCCESS");

        // a pending code (the resident types a password) and a kiosk left alone: the job settles it
        BillPayment waits = bills.openAtKiosk(BillKind.GAS, account(0), 8650);
        Payment pending = payments.takeCode(Bills.SERVICE, new PaymentRequest(8650, "燃气费", "CODE", code("01"), null, Bills.paymentKey(waits)), null,
                true).payment();
        assertThat(pending.status()).isEqualTo(PaymentStatus.PENDING);
        eventually(() -> bills.find(waits.id()), BillStatus.SUCCEEDED);
    }

    @Test
    void aKioskOrderWaitsWhileTheResidentShowsAnotherCodeAfterAFailedOne() throws Exception {
        AtCounter.bindAs("kiosk-1", io.yizhan.station.terminals.TerminalKind.KIOSK);
        BillPayment open = bills.openAtKiosk(BillKind.GAS, account(0), 8650);
        Payment poor = payments.takeCode(Bills.SERVICE, new PaymentRequest(8650, "燃气费", "CODE", code("03"), null, Bills.paymentKey(open)), null, true)
                .payment();
        assertThat(poor.status()).isEqualTo(PaymentStatus.FAILED);
        bills.settleOpen();
        assertThat(bills.find(open.id()).status()).as("余额不足 is not the end: another code may come").isEqualTo(BillStatus.CREATED);
        Payment paid = payments.retry(poor.id(), code("00"));
        assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        bills.settleOpen();
        assertThat(bills.find(open.id()).status()).isEqualTo(BillStatus.SUCCEEDED);
        assertThat(refunds.ofPayment(paid.id())).isEmpty();
    }

    @Test
    void aKioskPaymentForAnAccountPaidAtTheCounterMeanwhileIsRefunded() throws Exception {
        String acct = account(0);
        AtCounter.unbind();
        AtCounter.bindAs("kiosk-1", io.yizhan.station.terminals.TerminalKind.KIOSK);
        BillPayment atKiosk = bills.openAtKiosk(BillKind.ELECTRICITY, acct, 8650);
        AtCounter.unbind();
        AtCounter.bind("counter-1");
        assertThat(cash("ELECTRICITY", acct).bill().status()).isEqualTo(BillStatus.SUCCEEDED);
        Payment ok = payments.takeCode(Bills.SERVICE, new PaymentRequest(8650, "电费", "CODE", code("00"), null, Bills.paymentKey(atKiosk)), null, true)
                .payment();
        BillPayment after = bills.settle(atKiosk.id(), ok);
        assertThat(after.status()).isEqualTo(BillStatus.REFUNDED);
        assertThat(after.failCode()).isEqualTo("ALREADY_PAID");
        assertThat(centralStatuses(atKiosk.orderNo())).as("never sent").isEmpty();
    }

    @Test
    void topUpsCheckTheNumberTheAmountAndFollowTheEndings() throws Exception {
        assertThatThrownBy(() -> bills.carrier("02088886666")).hasFieldOrPropertyWithValue("code", "BAD_PHONE");
        assertThatThrownBy(() -> bills.carrier("1440123456789")).as("a 13-digit IoT number").hasFieldOrPropertyWithValue("code", "BAD_PHONE");
        assertThat(bills.carrier("13088881234")).as("a ported number: the aggregator knows better than the prefix").isEqualTo("中国移动");
        assertThat(bills.carrier("13012341234")).isEqualTo("中国联通");
        assertThatThrownBy(() -> bills.topUp(new Bills.TopUpRequest(phone(0), 1500, new Bills.Pay("CASH", null, null), UUID.randomUUID().toString())))
                .hasFieldOrPropertyWithValue("code", "BAD_DENOMINATION");

        BillPayment ok = bills.topUp(new Bills.TopUpRequest(phone(0), 5000, new Bills.Pay("CASH", null, 5000L), UUID.randomUUID().toString())).bill();
        assertThat(ok.status()).isEqualTo(BillStatus.SUCCEEDED);
        assertThat(ok.kind()).isEqualTo(BillKind.TOPUP);
        assertThat(outbox("TopUpCompleted", ok.orderNo())).isEqualTo(1);
        assertThat(centralDb().sql("SELECT kind FROM central_write_off WHERE station_order_no = ?").param(ok.orderNo()).query(String.class).single())
                .isEqualTo("TOPUP");

        BillPayment failed = bills.topUp(new Bills.TopUpRequest(phone(4), 2000, new Bills.Pay("CASH", null, null), UUID.randomUUID().toString())).bill();
        assertThat(failed.status()).isEqualTo(BillStatus.REFUNDED);
        BillPayment processing = bills.topUp(new Bills.TopUpRequest(phone(3), 1000, new Bills.Pay("CASH", null, null), UUID.randomUUID().toString()))
                .bill();
        assertThat(processing.status()).isEqualTo(BillStatus.SUBMITTED);
        BillPayment lost = bills.topUp(new Bills.TopUpRequest(phone(5), 1000, new Bills.Pay("CASH", null, null), UUID.randomUUID().toString())).bill();
        assertThat(lost.status()).isEqualTo(BillStatus.UNKNOWN);
        eventually(() -> bills.find(processing.id()), BillStatus.SUCCEEDED);
        eventually(() -> bills.find(lost.id()), BillStatus.SUCCEEDED);
        assertThat(centralStatuses(lost.orderNo())).containsExactly("SUCCESS");
    }

    @Test
    void aStuckWriteOffIsSettledByAManagerWithANote() throws Exception {
        BillPayment b = cash("WATER", account(7)).bill();
        // central lost it and cannot tell: it stays unknown; made to look old enough to be stuck
        jdbc.sql("UPDATE bill_payment SET status = 'UNKNOWN', submitted_at = ?, query_after = ? WHERE id = ?")
                .params(java.time.OffsetDateTime.now().minusMinutes(30), java.time.OffsetDateTime.now().plusHours(1), b.id()).update();
        centralDb().sql("UPDATE central_write_off SET status = 'PROCESSING', done_at = ? WHERE station_order_no = ?")
                .params(java.time.OffsetDateTime.now().plusHours(1), b.orderNo()).update();
        BillPayment stuck = bills.find(b.id());
        assertThat(bills.stuck(stuck)).isTrue();
        assertThatThrownBy(() -> bills.resolve(b.id(), true, "供水公司电话确认已销账")).hasFieldOrPropertyWithValue("code", "MANAGER_REQUIRED");
        SignedIn.as(security, "manager", Role.MANAGER);
        assertThatThrownBy(() -> bills.resolve(b.id(), true, " ")).hasFieldOrPropertyWithValue("code", "NOTE_REQUIRED");
        assertThatThrownBy(() -> bills.resolve(b.id(), true, "供水公司电话确认已销账")).as("central says it is still processing: not for the manager")
                .hasFieldOrPropertyWithValue("code", "STILL_PROCESSING");
        link().set(CentralSwitch.Mode.DOWN);
        BillPayment settled = bills.resolve(b.id(), false, "供水公司说没收到");
        assertThat(settled.status()).isEqualTo(BillStatus.REFUNDED);
        assertThat(settled.note()).isEqualTo("供水公司说没收到");
        assertThat(settled.resolvedBy()).isEqualTo("manager");
    }

    @Test
    void theDailyMatchingListsWhatDiffersFromCentralsWriteOffs() throws Exception {
        BillPayment b = cash("WATER", account(0)).bill();
        ServiceMatching matching = matchings.getFirst();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(matching.differences(today)).extracting(ServiceMatching.Difference::reference).doesNotContain(b.orderNo());
        // the station believes it refunded a bill that central wrote off: money the resident both got back and paid
        jdbc.sql("UPDATE bill_payment SET status = 'REFUNDED' WHERE id = ?").param(b.id()).update();
        assertThat(matching.differences(today)).filteredOn(d -> d.reference().equals(b.orderNo())).singleElement()
                .satisfies(d -> {
                    assertThat(d.whatKey()).isEqualTo("bills.match.refunded-written-off");
                    assertThat(d.centralStatus()).isEqualTo("SUCCESS");
                });
        jdbc.sql("UPDATE bill_payment SET status = 'SUCCEEDED' WHERE id = ?").param(b.id()).update();
        link().set(CentralSwitch.Mode.DOWN);
        assertThatThrownBy(() -> matching.differences(today)).hasFieldOrPropertyWithValue("code", "CENTRAL_UNREACHABLE");
    }

    @Test
    void oldAccountNumbersAreErasedTheMaskedFormsKept() {
        BillPayment b = cash("WATER", account(0)).bill();
        jdbc.sql("UPDATE bill_payment SET created_at = ? WHERE id = ?").params(java.time.OffsetDateTime.now().minusDays(181), b.id()).update();
        assertThat(bills.eraseOld()).isGreaterThanOrEqualTo(1);
        BillPayment erased = bills.find(b.id());
        assertThat(erased.accountSealed()).isNull();
        assertThat(erased.accountMasked()).isEqualTo(b.accountMasked());
    }

    @Test
    void theSocialSecurityQueryLeavesNoTrace(CapturedOutput output) throws Exception {
        String id = "11010519491231002X";
        String name = "李秀兰";
        assertThatThrownBy(() -> socialSecurity.query(name, id, false)).hasFieldOrPropertyWithValue("code", "CONSENT_REQUIRED");
        assertThatThrownBy(() -> socialSecurity.query(name, "110105194912310021", true)).hasFieldOrPropertyWithValue("code", "BAD_ID_NUMBER");
        SocialSecurity.Result r = socialSecurity.query(name, id, true);
        assertThat(r.monthsContributed()).isPositive();
        assertThat(r.idMasked()).isEqualTo("110****02X");
        assertThat(r.nameMasked()).isEqualTo("李*兰");
        assertThatThrownBy(() -> socialSecurity.print(r)).as("counter-1's printer is a folder: it would keep a copy")
                .hasFieldOrPropertyWithValue("messageKey", "devices.error.no-direct-printer");
        AtCounter.unbind();
        AtCounter.bind("counter-2");
        try (EscPosPrinterSimulator printer = new EscPosPrinterSimulator(19187)) {
            assertThat(socialSecurity.canPrint()).isTrue();
            socialSecurity.print(r);
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (printer.jobs().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(printer.jobs()).hasSize(1);
        }
        String months = String.valueOf(r.monthsContributed());
        String everything = String.join("\n", jdbc.sql("SCRIPT").query(String.class).list());
        assertThat(everything).doesNotContain(id).doesNotContain(id.substring(0, 17)).doesNotContain(name).doesNotContain("李*兰")
                .doesNotContain(io.yizhan.station.shared.Money.yuan(r.balanceFen()));
        assertThat(output.getAll()).doesNotContain(id).doesNotContain(name).doesNotContain(io.yizhan.station.shared.Money.yuan(r.balanceFen()));
        assertThat(jdbc.sql("SELECT subject FROM staff_audit WHERE action = 'bills.social-security'").query(String.class).list())
                .isNotEmpty().allSatisfy(s -> assertThat(s).doesNotContain(id).doesNotContain(months + "个月"));
        try (Stream<Path> files = Files.walk(Path.of("target/test-data"))) {
            assertThat(files.filter(Files::isRegularFile).filter(p -> {
                try {
                    return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(id.substring(0, 17));
                } catch (java.io.IOException e) {
                    return false;
                }
            }).toList()).as("no spool or file anywhere holds the number").isEmpty();
        }
        assertThat(centralDb().sql("SCRIPT").query(String.class).list().stream().anyMatch(l -> l.contains(id.substring(0, 17)))).isFalse();
    }
}

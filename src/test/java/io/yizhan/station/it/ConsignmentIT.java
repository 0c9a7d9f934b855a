package io.yizhan.station.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.yizhan.station.devices.internal.ToledoDecoder;
import io.yizhan.station.support.RequiredTool;
import org.junit.jupiter.api.Test;

/**
 * Consignment on real parts, as the clerk and the farmer live it: the farmer registered with consent;
 * their oranges taken in bag by bag on the Toledo scale on a pty; a bag's printed label, read back
 * with zbarimg, scanned at 收银 and paid in cash; at 代销结算 the statement shows the sale, a payout
 * above the balance is refused and the balance is paid in cash from the drawer; the printed
 * statement's barcode, read back with zbarimg, scanned at the kiosk shows the farmer what sold today,
 * what is left and what is owed. Every screen passes axe-core and the size floors.
 */
class ConsignmentIT {

    @Test
    void takeInSellSettleAndCheckAtTheKiosk() throws Exception {
        RequiredTool.require("zbarimg", "zbar-tools");
        PageChecks checks = new PageChecks();
        try (ScannerStation s = new ScannerStation("consignment", true)) {
            Page counter = s.counter("manager");
            counter.navigate(s.station.url("/counter/consignors"));
            counter.locator("#consignor-name input").fill("王大伯");
            counter.locator("#consignor-phone input").fill("13812345678");
            counter.locator("#consignor-id input").fill("440105198001010012");
            counter.locator("#consignor-consent input").check();
            counter.locator("#consignor-register").click();
            counter.waitForCondition(() -> counter.locator("#consignor-result").textContent().startsWith("已登记：王大伯"));
            assertThat(counter.locator("#consignor-list").textContent()).contains("138****5678", "4401**********0012").doesNotContain("13812345678");
            checks.check(counter, "counter-consignors", 14, 24);

            // intake: two bags of oranges, each weighed steady on the scale
            counter.navigate(s.station.url("/counter/intake"));
            counter.locator("#intake-consignor input").fill("王大伯");
            counter.locator("vaadin-combo-box-item").first().click();
            counter.locator("#intake-price input").fill("8.00");
            counter.locator("#intake-origin input").fill("江西赣州");
            long[] bags = {2_500, 3_125};
            for (int bag = 0; bag < bags.length; bag++) {
                for (int i = 0; i < 10; i++) {
                    s.scale.write(ToledoDecoder.frame(bags[bag], false, false, true));
                    Thread.sleep(100);
                }
                counter.locator("#intake-weigh").click();
                String weighed = "共 " + (bag + 1) + " 袋";
                try {
                    counter.waitForCondition(() -> counter.locator("#intake-total").textContent().startsWith(weighed),
                            new Page.WaitForConditionOptions().setTimeout(10_000));
                } catch (com.microsoft.playwright.TimeoutError e) {
                    throw new AssertionError("bag " + (bag + 1) + " not weighed: " + counter.locator("#intake-result").textContent() + " / "
                            + counter.locator("#intake-total").textContent(), e);
                }
            }
            assertThat(counter.locator("#intake-total").textContent()).isEqualTo("共 2 袋，5.625千克");
            checks.check(counter, "counter-intake", 14, 24);
            counter.locator("#intake-submit").click();
            counter.waitForCondition(() -> counter.locator("#intake-result").textContent().startsWith("已收货：批号 L"));
            assertThat(counter.locator("#intake-result").textContent()).contains("5.625千克", "2 张标签、合格证");

            // the last bag's label as printed: ¥25.00 for 3.125 kg at ¥8.00/kg
            String label = s.decode("lot-label");
            assertThat(label).matches("28\\d{5}02500\\d");
            counter.navigate(s.station.url("/counter/sales"));
            counter.locator("#sale-code input").waitFor();
            s.scan(s.counterScanner, label);
            counter.waitForCondition(() -> counter.locator("#sale-total").textContent().equals("合计 ¥25.00"),
                    new Page.WaitForConditionOptions().setTimeout(10_000));
            counter.locator("#tendered input").fill("30");
            counter.locator("#pay-cash").click();
            counter.waitForCondition(() -> counter.locator("#sale-result").textContent().startsWith("已收款 ¥25.00"));

            // settlement: 10 % commission, ¥22.50 owed; too much refused, the balance paid in cash
            counter.navigate(s.station.url("/counter/settlement"));
            counter.locator("#settlement-consignor input").fill("王大伯");
            counter.locator("vaadin-combo-box-item").first().click();
            counter.waitForCondition(() -> counter.locator("#settlement-balance").textContent().equals("现在应付 ¥22.50"));
            assertThat(counter.locator("#settlement-lines").textContent()).contains("3.125千克", "¥25.00", "¥2.50 (10%)", "¥22.50");
            checks.check(counter, "counter-settlement", 14, 24);
            assertThat(counter.locator("#payout-method").textContent()).as("the consignor's own payout method").contains("柜台现金");
            counter.locator("#payout-amount input").fill("30");
            counter.locator("#payout-pay").click();
            counter.waitForCondition(() -> counter.locator("#payout-result").textContent().startsWith("付款超过了应付余额"));
            counter.locator("#payout-amount input").fill("22.50");
            counter.locator("#payout-pay").click();
            counter.waitForCondition(() -> counter.locator("#payout-result").textContent().startsWith("已付现金 ¥22.50 给 王大伯"));
            assertThat(counter.locator("#settlement-balance").textContent()).isEqualTo("现在应付 ¥0.00");
            checks.check(counter, "counter-settlement-paid", 14, 24);
            counter.locator("#settlement-print").click();
            counter.waitForCondition(() -> counter.locator("#payout-result").textContent().startsWith("对账单已送打印"));

            // the farmer at the kiosk with the printed statement
            String kioskCode = s.decode("statement");
            assertThat(kioskCode).matches("YZC\\d{6}-\\d{4}");
            Page kiosk = s.kiosk();
            kiosk.locator("#tile-consignment").click();
            kiosk.locator("#keypad-confirm").waitFor();
            checks.check(kiosk, "kiosk-consignment", 24, 64);
            s.scan(s.kioskScanner, kioskCode);
            kiosk.waitForCondition(() -> kiosk.locator("#consignment-summary").count() == 1, new Page.WaitForConditionOptions().setTimeout(10_000));
            assertThat(kiosk.locator("#consignment-summary").textContent()).isEqualTo("王*伯，您好");
            assertThat(kiosk.locator("#consignment-sold-today").textContent()).isEqualTo("¥22.50");
            assertThat(kiosk.locator("#consignment-left").textContent()).isEqualTo("脐橙 2.500千克");
            assertThat(kiosk.locator("#consignment-balance").textContent()).isEqualTo("¥0.00");
            checks.check(kiosk, "kiosk-consignment-summary", 24, 64);
            kiosk.locator("#consignment-done").click();
            kiosk.locator("#tile-consignment").waitFor();
        }
    }
}

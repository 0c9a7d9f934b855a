package io.yizhan.station.shopping.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.central.CentralShop;
import io.yizhan.station.parcels.CheckIn;
import io.yizhan.station.parcels.Parcel;
import io.yizhan.station.parcels.Parcels;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.shopping.Catalog;
import io.yizhan.station.shopping.OrderStatus;
import io.yizhan.station.shopping.ShopOrder;
import io.yizhan.station.shopping.Shopping;
import io.yizhan.station.shopping.ShoppingRefused;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.CentralSwitch;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.WithCentral;
import io.yizhan.station.sync.internal.PullNow;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Assisted buying at the station against a real central: the catalog pulled by cursor with its
 * pictures on disk; an order reserved, consented to by a signed slip and paid in cash; a draft
 * while central is away, placed when it is back; the review rules; a double tap; central's answer
 * for the last units; and the shipped order's parcel recognised at a real check-in and picked up.
 */
class ShoppingTest extends WithCentral {

    @Autowired
    Catalog catalog;
    @Autowired
    Shopping shopping;
    @Autowired
    PictureFetcher pictures;
    @Autowired
    Parcels parcels;
    @Autowired
    ApplicationContext context;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.yizhan.station.shopping.AfterSales afterSales;

    @BeforeEach
    void atTheCounterWithTheCatalog() throws Exception {
        // central holds reservations by its own (real) clock; the shared test clock may have been moved by other tests
        if (Duration.between(Instant.now(), clock.instant()).abs().compareTo(Duration.ofMinutes(1)) > 0) {
            clock.set(Instant.now());
        }
        link().set(CentralSwitch.Mode.PASS);
        SignedIn.as(security, "clerk", Role.CLERK);
        AtCounter.bind("counter-1");
        PullNow.all(context);
    }

    @AfterEach
    void leave() throws Exception {
        link().set(CentralSwitch.Mode.PASS);
        AtCounter.unbind();
        SignedIn.out(security);
    }

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static Shopping.OrderRequest order(String phone, String productId, long quantity) {
        return new Shopping.OrderRequest(phone, "王大伯", List.of(new Shopping.LineRequest(productId, quantity)), "STATION", null,
                UUID.randomUUID().toString());
    }

    @Test
    void theCatalogArrivesByCursorWithEachPictureOnDiskOnce() {
        assertThat(catalog.count()).isGreaterThanOrEqualTo(200);
        assertThat(catalog.categories()).extracting(Catalog.Category::name).containsExactly("粮油", "生鲜", "日用", "家电", "农资", "服装", "母婴", "文具");
        pictures.fetchWanted();
        assertThat(catalog.picturesMissing()).isZero();
        Catalog.Product rice = catalog.product("P0001").orElseThrow();
        String hash = rice.pictureUrl().substring(Catalog.PICTURES.length(), rice.pictureUrl().length() - 4);
        assertThat(catalog.picture(hash)).hasValueSatisfying(p -> assertThat(p).isRegularFile());
        assertThat(catalog.picture(hash).orElseThrow()).satisfies(p -> assertThat(Files.size(p)).isBetween(500L, 60_000L));

        assertThat(catalog.page(null, "dbdm", 0, 20).items()).extracting(Catalog.Product::name).contains("东北大米");
        assertThat(catalog.page(null, "大米", 0, 20).items()).extracting(Catalog.Product::productId).contains("P0001", "P0002");
        Catalog.Page grain = catalog.page("GRAIN_OIL", null, 1, 6);
        assertThat(grain.items()).hasSize(6).allSatisfy(p -> assertThat(p.category()).isEqualTo("GRAIN_OIL"));
        assertThat(grain.total()).isBetween(20L, 30L);
        assertThat(catalog.variants("G001")).extracting(Catalog.Product::variant).containsExactly("5kg", "10kg");
    }

    @Test
    void anOrderIsReservedConsentedByASignedSlipAndPaidInCash() {
        Shopping.Placed placed = shopping.place(order(phone(), "P0003", 2));
        ShopOrder o = placed.order();
        assertThat(o.status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(o.reservedUntil()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        assertThat(o.totalFen()).as("粮油九折 on 2 × ¥22.90").isEqualTo(4580 - 458);
        assertThat(o.offerText()).isEqualTo("粮油九折");

        Shopping.PayRequest cash = new Shopping.PayRequest(Payments.CASH, null, 5000L, UUID.randomUUID().toString());
        assertThatThrownBy(() -> shopping.pay(o.id(), cash)).hasFieldOrPropertyWithValue("code", "CONSENT_REQUIRED");
        assertThatThrownBy(() -> shopping.consent(o.id(), "DISPLAY")).hasFieldOrPropertyWithValue("code", "DISPLAY_ONLY");
        assertThatThrownBy(() -> shopping.consentOnDisplay(o.id())).as("a counter is not the display")
                .hasFieldOrPropertyWithValue("code", "DISPLAY_ONLY");
        ShopOrder consented = shopping.consent(o.id(), "SIGNED");
        assertThat(consented.consentHow()).isEqualTo("SIGNED");
        assertThat(consented.consentTerminal()).isEqualTo("counter-1");

        ShopOrder paid = shopping.pay(o.id(), cash);
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(shopping.pay(o.id(), cash).paymentId()).as("the same key again pays once").isEqualTo(paid.paymentId());
        assertThat(shopping.find(o.id()).paidConfirmed()).isTrue();
        assertThat(centralDb().sql("SELECT status FROM central_shop_order WHERE order_no = ?").param(o.orderNo()).query(String.class).single())
                .isEqualTo("PAID");
    }

    @Test
    void aDoubleTapPlacesOneOrder() throws Exception {
        Shopping.OrderRequest request = order(phone(), "P0005", 1);
        Shopping.Placed first = shopping.place(request);
        Shopping.Placed again = shopping.place(request);
        assertThat(again.created()).isFalse();
        assertThat(again.order().id()).isEqualTo(first.order().id());
        shopping.cancel(first.order().id());
        assertThat(centralDb().sql("SELECT status FROM central_shop_order WHERE order_no = ?").param(first.order().orderNo()).query(String.class)
                .single()).isEqualTo("CANCELLED");
    }

    @Test
    void whatCannotBeOrderedIsRefusedAndNothingIsKept() {
        long before = jdbc.sql("SELECT COUNT(*) FROM shopping_order").query(Long.class).single();
        assertThatThrownBy(() -> shopping.place(order(phone(), "NOPE", 1))).hasFieldOrPropertyWithValue("code", "UNKNOWN_PRODUCT");
        assertThatThrownBy(() -> shopping.place(order(phone(), "P0001", 0))).hasFieldOrPropertyWithValue("code", "BAD_QUANTITY");
        assertThatThrownBy(() -> shopping.place(order("12345", "P0001", 1))).hasFieldOrPropertyWithValue("code", "BAD_PHONE");
        assertThatThrownBy(() -> shopping.place(new Shopping.OrderRequest(phone(), null, List.of(new Shopping.LineRequest("P0001", 1)), "HOME", "",
                UUID.randomUUID().toString()))).hasFieldOrPropertyWithValue("code", "ADDRESS_REQUIRED");
        long available = centralDb().sql("SELECT stock - reserved FROM central_product WHERE product_id = 'P0011'").query(Long.class).single();
        assertThatThrownBy(() -> shopping.place(order(phone(), "P0011", Math.min(99, available + 1)))).isInstanceOf(ShoppingRefused.class)
                .hasFieldOrPropertyWithValue("code", "OUT_OF_STOCK").hasFieldOrPropertyWithValue("productId", "P0011");
        centralDb().sql("UPDATE central_product SET price_fen = price_fen + 100 WHERE product_id = 'P0008'").update();
        long shown = catalog.product("P0008").orElseThrow().priceFen();
        assertThatThrownBy(() -> shopping.place(order(phone(), "P0008", 1))).hasFieldOrPropertyWithValue("code", "PRICE_CHANGED");
        assertThat(catalog.product("P0008").orElseThrow().priceFen()).as("the cart shows the new price").isEqualTo(shown + 100);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shopping_order").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void withCentralAwayTheOrderIsADraftThatIsPlacedWhenItIsBack() throws Exception {
        link().set(CentralSwitch.Mode.DOWN);
        ShopOrder draft = shopping.place(order(phone(), "P0006", 1)).order();
        assertThat(draft.status()).isEqualTo(OrderStatus.DRAFT);
        shopping.consent(draft.id(), "SIGNED");
        assertThatThrownBy(() -> shopping.pay(draft.id(), new Shopping.PayRequest(Payments.CASH, null, null, UUID.randomUUID().toString())))
                .as("no money before it is reserved").hasFieldOrPropertyWithValue("code", "NOT_RESERVED");
        link().set(CentralSwitch.Mode.PASS);
        shopping.submitDrafts();
        assertThat(shopping.find(draft.id()).status()).isEqualTo(OrderStatus.RESERVED);
    }

    @Test
    void ordersThatMeetAReviewRuleWaitForTheManager() {
        String phone = phone();
        ShopOrder big = shopping.place(order(phone, "P0002", 6)).order(); // more than 5 of one item
        assertThat(big.status()).isEqualTo(OrderStatus.REVIEW);
        assertThat(big.reviewReasons()).contains("QUANTITY");
        assertThat(big.reservedUntil()).isNull();
        assertThatThrownBy(() -> shopping.approve(big.id(), null)).hasFieldOrPropertyWithValue("code", "MANAGER_REQUIRED");
        SignedIn.as(security, "manager", Role.MANAGER);
        ShopOrder approved = shopping.approve(big.id(), "老顾客，家里办酒");
        assertThat(approved.status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(approved.reviewedBy()).isEqualTo("manager");
        assertThat(approved.reservedUntil()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));

        ShopOrder second = shopping.place(order(phone, "P0001", 1)).order();
        ShopOrder third = shopping.place(order(phone, "P0001", 1)).order();
        ShopOrder fourth = shopping.place(order(phone, "P0001", 1)).order(); // more than 3 orders for one phone today
        assertThat(List.of(second.status(), third.status())).containsOnly(OrderStatus.RESERVED);
        assertThat(fourth.status()).isEqualTo(OrderStatus.REVIEW);
        assertThat(fourth.reviewReasons()).isEqualTo("DAILY");
        assertThatThrownBy(() -> shopping.reject(fourth.id(), " ")).hasFieldOrPropertyWithValue("code", "REASON_REQUIRED");
        assertThat(shopping.reject(fourth.id(), "今天已经买过三次").status()).isEqualTo(OrderStatus.REJECTED);

        ShopOrder firstBig = shopping.place(order(phone(), "P0007", 5)).order(); // a new resident's first order above ¥500
        assertThat(firstBig.reviewReasons()).isEqualTo("FIRST_ORDER");
        List.of(approved, second, third, firstBig).forEach(o -> shopping.cancel(o.id()));
    }

    @Test
    void aShippedOrdersParcelIsRecognisedAtCheckInAndItsPickupCompletesIt() throws Exception {
        String phone = phone();
        ShopOrder o = shopping.place(order(phone, "P0009", 1)).order();
        shopping.consent(o.id(), "SIGNED");
        shopping.pay(o.id(), new Shopping.PayRequest(Payments.CASH, null, null, UUID.randomUUID().toString()));
        String waybill = "YT" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        centralContext().getBean(CentralShop.class).ship(o.orderNo(), "YTO", waybill);
        PullNow.all(context);
        ShopOrder shipped = shopping.find(o.id());
        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.waybill()).isEqualTo(waybill);

        assertThat(parcels.manifestPhone(waybill)).as("the resident's phone, masked").hasValue(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(parcels.expectedNote(waybill)).hasValueSatisfying(e -> assertThat(e.noteArgs()).containsExactly(o.orderNo(), "王*伯"));
        Parcel parcel = parcels.checkIn(new CheckIn(waybill, "", null, null, false, null));
        ShopOrder arrived = shopping.find(o.id());
        assertThat(arrived.status()).isEqualTo(OrderStatus.ARRIVED);
        assertThat(arrived.parcelId()).isEqualTo(parcel.id());

        parcels.pickUp(parcel.id(), null, null);
        assertThat(shopping.find(o.id()).status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(shopping.byReceiptCode(o.receiptCode())).hasValueSatisfying(x -> assertThat(x.id()).isEqualTo(o.id()));
        assertThat(shopping.byPhoneAndCode(phone, o.checkCode())).isPresent();
        assertThat(shopping.byPhoneAndCode(phone, o.checkCode().equals("0000") ? "0001" : "0000")).as("a phone alone shows nothing").isEmpty();
    }

    @Test
    void aPaymentCentralCannotHonourAnyMoreIsRefundedInFull() throws Exception {
        ShopOrder o = shopping.place(order(phone(), "P0010", 1)).order();
        shopping.consent(o.id(), "SIGNED");
        link().set(CentralSwitch.Mode.DOWN);
        ShopOrder paid = shopping.pay(o.id(), new Shopping.PayRequest(Payments.CASH, null, null, UUID.randomUUID().toString()));
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.paidConfirmed()).isFalse();
        // central let it expire meanwhile and sold the goods
        CentralShop central = centralContext().getBean(CentralShop.class);
        central.expire(o.reservedUntil().plus(Duration.ofMinutes(3)));
        long left = centralDb().sql("SELECT stock - reserved FROM central_product WHERE product_id = 'P0010'").query(Long.class).single();
        centralDb().sql("UPDATE central_product SET stock = stock - ? WHERE product_id = 'P0010'").param(left).update();
        link().set(CentralSwitch.Mode.PASS);
        shopping.settleOpenPayments();
        ShopOrder refunded = shopping.find(o.id());
        assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
        centralDb().sql("UPDATE central_product SET stock = stock + ? WHERE product_id = 'P0010'").param(left).update();
    }

    /** An order paid in cash, shipped by central, checked in and picked up: the resident has it. */
    private ShopOrder received(String productId, long quantity) throws Exception {
        ShopOrder o = shopping.place(order(phone(), productId, quantity)).order();
        shopping.consent(o.id(), "SIGNED");
        shopping.pay(o.id(), new Shopping.PayRequest(Payments.CASH, null, null, UUID.randomUUID().toString()));
        String waybill = "ZT" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        centralContext().getBean(CentralShop.class).ship(o.orderNo(), "ZTO", waybill);
        PullNow.all(context);
        Parcel parcel = parcels.checkIn(new CheckIn(waybill, "", null, null, false, null));
        parcels.pickUp(parcel.id(), null, null);
        return shopping.find(o.id());
    }

    private long centralStock(String productId) {
        return centralDb().sql("SELECT stock FROM central_product WHERE product_id = ?").param(productId).query(Long.class).single();
    }

    @Test
    void anUnopenedNoReasonReturnWithinSevenDaysIsApprovedAndRefundedAtOnce() throws Exception {
        ShopOrder o = received("P0052", 2);
        assertThat(o.status()).isEqualTo(OrderStatus.RECEIVED);
        long stockBefore = centralStock("P0052");
        io.yizhan.station.shopping.AfterSales.Case c = afterSales.request(o.id(), new io.yizhan.station.shopping.AfterSales.Request("RETURN",
                io.yizhan.station.shopping.AfterSales.NO_REASON, true, List.of(new Shopping.LineRequest("P0052", 1))));
        assertThat(c.status()).as("approved by the rules and refunded at once").isEqualTo("DONE");
        ShopOrder back = shopping.find(o.id());
        assertThat(back.refundedFen()).as("half of what was paid for two").isEqualTo(o.totalFen() / 2);
        assertThat(back.status()).as("one of two returned").isEqualTo(OrderStatus.RECEIVED);
        assertThat(afterSales.find(c.id()).status()).isEqualTo("DONE");
        io.yizhan.station.sync.internal.DeliverNow.all(context);
        assertThat(centralStock("P0052")).as("the returned unit is back in central's stock").isEqualTo(stockBefore + 1);

        // the unit goes back to the platform's returns warehouse through the sending flow, the postage billed to the platform
        assertThat(afterSales.find(c.id()).awaitsReturnParcel()).isTrue();
        io.yizhan.station.shopping.AfterSales.Case sent = afterSales.sendBack(c.id(), "SF", 600);
        assertThat(sent.returnWaybill()).as("the station issues the waybill").startsWith("YZ");
        assertThat(jdbc.sql("SELECT billed_to FROM parcels_shipment WHERE waybill = ?").param(sent.returnWaybill()).query(String.class).single())
                .isEqualTo("platform-after-sales:" + c.id());
        assertThatThrownBy(() -> afterSales.sendBack(c.id(), "SF", 600)).hasFieldOrPropertyWithValue("code", "NO_RETURN_PARCEL");
    }

    @Test
    void aNoReasonReturnAfterSevenDaysOrForFreshFoodIsRefusedButAFaultGoesToCentral() throws Exception {
        ShopOrder o = received("P0054", 1);
        // received eight days ago (the shared clock is not moved: ids made meanwhile would carry that time)
        jdbc.sql("UPDATE shopping_order SET received_at = received_at - INTERVAL '8' DAY WHERE id = ?").param(o.id()).update();
        var late = new io.yizhan.station.shopping.AfterSales.Request("RETURN", io.yizhan.station.shopping.AfterSales.NO_REASON, true,
                List.of(new Shopping.LineRequest("P0054", 1)));
        assertThatThrownBy(() -> afterSales.request(o.id(), late)).hasFieldOrPropertyWithValue("code", "AFTER_SALES_WINDOW_CLOSED");
        var fault = new io.yizhan.station.shopping.AfterSales.Request("REFUND", "开关坏了，按不下去", false, List.of(new Shopping.LineRequest("P0054", 1)));
        io.yizhan.station.shopping.AfterSales.Case pending = afterSales.request(o.id(), fault);
        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(shopping.find(o.id()).status()).isEqualTo(OrderStatus.AFTER_SALES);

        io.yizhan.station.sync.internal.DeliverNow.all(context);
        CentralShop central = centralContext().getBean(CentralShop.class);
        assertThat(central.decideAfterSales(pending.id(), true, "质量问题，同意退款")).isTrue();
        PullNow.all(context);
        afterSales.approvedUnsettled().forEach(afterSales::settle); // or the background job, whichever comes first
        Instant deadline = Instant.now().plusSeconds(10);
        while (shopping.find(o.id()).status() != OrderStatus.REFUNDED && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(shopping.find(o.id()).status()).isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void freshFoodHasNoNoReasonReturn() throws Exception {
        String fresh = catalog.page("FRESH", null, 0, 1).items().getFirst().productId();
        ShopOrder o = received(fresh, 1);
        var noReason = new io.yizhan.station.shopping.AfterSales.Request("RETURN", io.yizhan.station.shopping.AfterSales.NO_REASON, true,
                List.of(new Shopping.LineRequest(fresh, 1)));
        assertThatThrownBy(() -> afterSales.request(o.id(), noReason)).hasFieldOrPropertyWithValue("code", "AFTER_SALES_WINDOW_CLOSED");
    }

    @Autowired
    ShoppingPrivacy privacy;
    @Autowired
    io.yizhan.station.shopping.Residents residents;

    @Test
    void homeAddressesLeaveClosedOrdersAfterHalfAYearAndQuietResidentsAreForgottenAfterAYear() throws Exception {
        String phone = phone();
        ShopOrder home = shopping.place(new Shopping.OrderRequest(phone, "李阿姨", List.of(new Shopping.LineRequest("P0054", 1)), "HOME",
                "幸福里3号楼2单元501", UUID.randomUUID().toString())).order();
        assertThat(shopping.address(home)).hasValue("幸福里3号楼2单元501");
        shopping.cancel(home.id());
        jdbc.sql("UPDATE shopping_order SET updated_at = updated_at - INTERVAL '181' DAY WHERE id = ?").param(home.id()).update();
        privacy.erase();
        assertThat(shopping.address(shopping.find(home.id()))).isEmpty();
        assertThat(residents.byPhone(phone)).as("kept for repeat visits within the year").isPresent();
        jdbc.sql("UPDATE shopping_resident SET last_order_at = last_order_at - INTERVAL '366' DAY, created_at = created_at - INTERVAL '366' DAY"
                + " WHERE id = ?").param(home.residentId()).update();
        privacy.erase();
        assertThat(residents.byPhone(phone)).isEmpty();
        assertThat(residents.phoneOf(home.residentId())).isEmpty();
        assertThat(residents.find(home.residentId()).orElseThrow().phoneMasked()).contains("****");
    }
}

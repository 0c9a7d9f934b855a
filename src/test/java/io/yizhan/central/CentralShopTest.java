package io.yizhan.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.contract.CatalogEntry;
import io.yizhan.contract.FeedItem;
import io.yizhan.contract.ShopOffer;
import io.yizhan.contract.ShopOrders;
import io.yizhan.station.support.WithCentral;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Central's side of assisted buying on its real database: reservations all or none, the last units
 * to exactly as many orders as there are units, the 15-minute hold (from approval for an order in
 * review), payment after the deadline, shipping once, the best single offer, and the catalog feed.
 */
class CentralShopTest {

    static final String STATION = "demo-station-001";
    static CentralShop shop;
    static CentralCatalog catalog;
    static JdbcClient db;

    @BeforeAll
    static void central() {
        shop = WithCentral.centralContext().getBean(CentralShop.class);
        catalog = WithCentral.centralContext().getBean(CentralCatalog.class);
        db = WithCentral.centralDb();
    }

    /** A product of its own with this much stock, so tests do not share units. */
    static String product(long stock, long priceFen) {
        String id = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        db.sql("""
                        INSERT INTO central_product (product_id, group_id, category, name, description, price_fen, stock, picture, updated_at, version)
                        VALUES (?, ?, 'DAILY', '测试毛巾', '测试', ?, ?, '1f9fa', CURRENT_TIMESTAMP, 0)""")
                .params(id, id, priceFen, stock).update();
        return id;
    }

    static String no() {
        return "T-" + UUID.randomUUID().toString().substring(0, 18);
    }

    static ShopOrders.Place place(String orderNo, String productId, long quantity, long priceFen, boolean review) {
        return new ShopOrders.Place(orderNo, List.of(new ShopOrders.Line(productId, quantity, priceFen)), review);
    }

    @Test
    void placingReservesThenPaymentAndShippingMoveTheStockOnce() {
        String p = product(20, 1500);
        String no = no();
        ShopOrders.Answer a = shop.place(STATION, place(no, p, 3, 1500, false));
        assertThat(a.status()).isEqualTo("RESERVED");
        assertThat(a.totalFen()).isEqualTo(4500);
        assertThat(Duration.between(Instant.now(), a.reservedUntil())).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(catalog.stock(p).orElseThrow()).isEqualTo(new CentralCatalog.StockLevel(20, 3));
        assertThat(shop.place(STATION, place(no, p, 3, 1500, false)).status()).as("the same number again").isEqualTo("RESERVED");
        assertThat(catalog.stock(p).orElseThrow().reserved()).isEqualTo(3);

        assertThat(shop.paid(STATION, no, new ShopOrders.Paid("pay-1", 4400)).status()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(shop.paid(STATION, no, new ShopOrders.Paid("pay-1", 4500)).status()).isEqualTo("PAID");
        assertThat(shop.paid(STATION, no, new ShopOrders.Paid("pay-1", 4500)).status()).isEqualTo("PAID");
        assertThat(db.sql("SELECT commission_fen FROM central_shop_order WHERE order_no = ?").param(no).query(Long.class).single())
                .as("3 % of ¥45.00").isEqualTo(135);

        assertThat(shop.ship(no, "SF", "SF1234567890").status()).isEqualTo("SHIPPED");
        assertThat(catalog.stock(p).orElseThrow()).isEqualTo(new CentralCatalog.StockLevel(17, 0));
        assertThatThrownBy(() -> shop.ship(no, "SF", "SF1234567890")).isInstanceOf(CentralShop.Refused.class)
                .hasFieldOrPropertyWithValue("code", "ALREADY_SHIPPED");
        assertThat(changes(no)).as("placing answers at once; later changes go on the feed").containsExactly("PAID", "SHIPPED");
    }

    @Test
    void aMultiLineOrderReservesAllOrNothing() {
        String plenty = product(50, 1000);
        String few = product(1, 1000);
        String no = no();
        ShopOrders.Answer a = shop.place(STATION, new ShopOrders.Place(no, List.of(new ShopOrders.Line(plenty, 5, 1000),
                new ShopOrders.Line(few, 2, 1000)), false));
        assertThat(a.status()).isEqualTo("OUT_OF_STOCK");
        assertThat(a.productId()).isEqualTo(few);
        assertThat(catalog.stock(plenty).orElseThrow().reserved()).isZero();
        assertThat(shop.answer(STATION, no)).isEmpty();
    }

    @Test
    void aHundredStationsOrderingTheLastTenUnitsGetExactlyTen() throws Exception {
        String p = product(10, 990);
        int stations = 100;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ShopOrders.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < stations; i++) {
            String no = no();
            answers.add(pool.submit(() -> {
                start.await();
                return shop.place(STATION, place(no, p, 1, 990, false));
            }));
        }
        start.countDown();
        List<String> statuses = new ArrayList<>();
        for (Future<ShopOrders.Answer> f : answers) {
            statuses.add(f.get().status());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn("RESERVED"::equals).hasSize(10);
        assertThat(statuses).filteredOn("OUT_OF_STOCK"::equals).hasSize(stations - 10);
        assertThat(catalog.stock(p).orElseThrow()).isEqualTo(new CentralCatalog.StockLevel(10, 10));
    }

    @Test
    void anUnpaidReservationIsReleasedAfterFifteenMinutesAndItsGrace() {
        String p = product(2, 2000);
        String no = no();
        ShopOrders.Answer a = shop.place(STATION, place(no, p, 2, 2000, false));
        assertThat(shop.expire(a.reservedUntil().plusSeconds(60))).as("within the grace for a payment on its way").isZero();
        assertThat(shop.answer(STATION, no).orElseThrow().status()).isEqualTo("RESERVED");
        shop.expire(a.reservedUntil().plus(Duration.ofMinutes(3)));
        assertThat(shop.answer(STATION, no).orElseThrow().status()).isEqualTo("EXPIRED");
        assertThat(catalog.stock(p).orElseThrow().reserved()).isZero();
        assertThat(changes(no)).contains("EXPIRED");

        // a payment that arrives after the release still gets the goods while they are there
        assertThat(shop.paid(STATION, no, new ShopOrders.Paid("late", 4000)).status()).isEqualTo("PAID");
        assertThat(catalog.stock(p).orElseThrow().reserved()).isEqualTo(2);
    }

    @Test
    void aLatePaymentForGoodsSoldMeanwhileStaysExpiredSoTheStationRefunds() {
        String p = product(1, 500);
        String first = no();
        ShopOrders.Answer a = shop.place(STATION, place(first, p, 1, 500, false));
        shop.expire(a.reservedUntil().plus(Duration.ofMinutes(3)));
        assertThat(shop.place(STATION, place(no(), p, 1, 500, false)).status()).isEqualTo("RESERVED");
        assertThat(shop.paid(STATION, first, new ShopOrders.Paid("late", 500)).status()).isEqualTo("EXPIRED");
        assertThat(catalog.stock(p).orElseThrow()).isEqualTo(new CentralCatalog.StockLevel(1, 1));
    }

    @Test
    void anOrderInReviewHoldsItsStockWithoutDeadlineUntilApproved() {
        String p = product(10, 30000);
        String no = no();
        ShopOrders.Answer a = shop.place(STATION, place(no, p, 6, 30000, true));
        assertThat(a.status()).isEqualTo("REVIEW");
        assertThat(a.reservedUntil()).isNull();
        shop.expire(Instant.now().plus(Duration.ofDays(2)));
        assertThat(shop.answer(STATION, no).orElseThrow().status()).isEqualTo("REVIEW");
        assertThat(catalog.stock(p).orElseThrow().reserved()).isEqualTo(6);
        ShopOrders.Answer approved = shop.approve(STATION, no);
        assertThat(approved.status()).isEqualTo("RESERVED");
        assertThat(Duration.between(Instant.now(), approved.reservedUntil())).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(shop.cancel(STATION, no).status()).isEqualTo("CANCELLED");
        assertThat(catalog.stock(p).orElseThrow().reserved()).isZero();
    }

    @Test
    void aStalePriceOrAnUnknownProductReservesNothing() {
        String p = product(10, 1200);
        ShopOrders.Answer stale = shop.place(STATION, place(no(), p, 1, 1000, false));
        assertThat(stale.status()).isEqualTo("PRICE_CHANGED");
        assertThat(stale.lines()).singleElement().satisfies(l -> assertThat(l.priceFen()).isEqualTo(1200));
        ShopOrders.Answer unknown = shop.place(STATION, place(no(), "NOPE", 1, 1000, false));
        assertThat(unknown.status()).isEqualTo("UNKNOWN_PRODUCT");
        assertThat(unknown.productId()).isEqualTo("NOPE");
        assertThat(catalog.stock(p).orElseThrow().reserved()).isZero();
    }

    @Test
    void theBestSingleOfferIsAppliedNeverTwo() {
        // demo offers: 粮油九折 (GRAIN_OIL 10 %), 满100减15, 满500减60
        ShopOrders.Answer small = shop.place(STATION, place(no(), "P0001", 2, 3990, false));
        assertThat(small.offer().description()).isEqualTo("粮油九折");
        assertThat(small.discountFen()).isEqualTo(798);
        assertThat(small.totalFen()).isEqualTo(7980 - 798);
        ShopOrders.Answer bigger = shop.place(STATION, place(no(), "P0001", 3, 3990, false));
        assertThat(bigger.offer().description()).isEqualTo("满100减15");
        assertThat(bigger.discountFen()).isEqualTo(1500);
        assertThat(bigger.totalFen()).isEqualTo(11970 - 1500);
        shop.cancel(STATION, small.orderNo());
        shop.cancel(STATION, bigger.orderNo());
    }

    @Test
    void offersOutsideTheirWindowOrBelowTheirThresholdTakeNothing() {
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        ShopOffer coupon = new ShopOffer("C", ShopOffer.COUPON, "满100减15", null, null, 10000, 1500L, now.minusSeconds(60), now.plusSeconds(60));
        ShopOffer discount = new ShopOffer("D", ShopOffer.DISCOUNT, "粮油九折", "GRAIN_OIL", 10, 0, null, now.minusSeconds(60), now.plusSeconds(60));
        List<ShopOffer.Line> lines = List.of(new ShopOffer.Line("GRAIN_OIL", 5005), new ShopOffer.Line("DAILY", 5000));
        assertThat(coupon.discountFen(lines, now)).isEqualTo(1500);
        assertThat(discount.discountFen(lines, now)).as("half up").isEqualTo(501);
        assertThat(ShopOffer.best(List.of(discount, coupon), lines, now).orElseThrow().id()).isEqualTo("C");
        assertThat(ShopOffer.best(List.of(discount, coupon), lines, now.plusSeconds(120))).isEmpty();
        assertThat(coupon.discountFen(List.of(new ShopOffer.Line("DAILY", 9999)), now)).isZero();
    }

    @Test
    void theCatalogFeedGivesEveryEntryOnceInVersionOrderAndThenWhatChanged() {
        JsonMapper json = JsonMapper.builder().build();
        List<FeedItem> all = new ArrayList<>();
        long after = 0;
        List<FeedItem> page;
        while (!(page = catalog.feed(after, 50)).isEmpty()) {
            assertThat(page).extracting(FeedItem::cursor).isSorted().allSatisfy(c -> assertThat(c).isGreaterThan(0));
            all.addAll(page);
            after = page.getLast().cursor();
        }
        assertThat(all).extracting(FeedItem::key).doesNotHaveDuplicates();
        assertThat(all).filteredOn(i -> i.key().startsWith("category:")).hasSize(8);
        assertThat(all).filteredOn(i -> i.key().matches("offer:[DC]00\\d")).as("the demo's offers").hasSize(4);
        CatalogEntry rice = json.treeToValue(all.stream().filter(i -> i.key().equals("product:P0001")).findFirst().orElseThrow().payload(),
                CatalogEntry.class);
        assertThat(rice.product().name()).isEqualTo("东北大米");
        assertThat(rice.product().pictureHash()).matches("[0-9a-f]{64}");

        String p = product(5, 800);
        shop.place(STATION, place(no(), p, 2, 800, false));
        catalog.publishAvailable();
        List<FeedItem> changed = catalog.feed(after, 1000);
        assertThat(changed).filteredOn(i -> i.key().equals("product:" + p)).singleElement()
                .satisfies(i -> assertThat(i.payload().path("product").path("available").asLong()).isEqualTo(3));
    }

    @Test
    void theOperatorsPriceStockAndOffersReachTheFeedAndNeverBreakAReservation() {
        String p = product(10, 1000);
        shop.place(STATION, place(no(), p, 4, 1000, false));
        long after = catalog.feed(0, 100_000).stream().mapToLong(FeedItem::cursor).max().orElse(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog.update(p, 1200, 3)).as("stock below what is reserved")
                .isInstanceOf(IllegalArgumentException.class);
        catalog.update(p, 1200, 8);
        assertThat(catalog.stock(p).orElseThrow()).isEqualTo(new CentralCatalog.StockLevel(8, 4));
        assertThat(shop.place(STATION, place(no(), p, 1, 1000, false)).status()).as("the old price").isEqualTo("PRICE_CHANGED");
        Instant now = Instant.now();
        String id = "OT" + UUID.randomUUID().toString().substring(0, 6);
        catalog.addOffer(new ShopOffer(id, ShopOffer.COUPON, "满10减5", null, null, 1000, 500L, now.minusSeconds(1), now.plus(Duration.ofDays(1))));
        assertThat(shop.place(STATION, place(no(), p, 1, 1200, false)).offer().description()).isEqualTo("满10减5");
        catalog.endOffer(id);
        assertThat(catalog.offers(Instant.now().plusSeconds(1))).extracting(ShopOffer::id).doesNotContain(id);
        List<FeedItem> changed = catalog.feed(after, 1000);
        assertThat(changed).extracting(FeedItem::key).contains("product:" + p, "offer:" + id);
        assertThat(changed).filteredOn(i -> i.key().equals("product:" + p)).singleElement()
                .satisfies(i -> assertThat(i.payload().path("product").path("priceFen").asLong()).isEqualTo(1200));
    }

    private static List<String> changes(String orderNo) {
        return db.sql("SELECT item_key FROM central_feed WHERE feed = ? AND item_key LIKE ? ORDER BY cursor_no")
                .params(FeedItem.SHOP_ORDERS, orderNo + ":%").query(String.class).list().stream().map(k -> k.substring(k.lastIndexOf(':') + 1)).toList();
    }
}

package io.yizhan.station.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.contract.FeedItem;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.StockLevel;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Online orders: an order for a listed lot takes its goods at once and is the consignor's at the
 * online commission, payable after the after-sales window; applied once however often it is pulled;
 * shipped through the sending flow with the postage billed to the platform order; more than is left
 * is not taken; a reserved order cancelled puts the goods back and takes the share off again.
 */
@StationTest
class OnlineOrdersTest {

    @Autowired
    OnlineOrders orders;
    @Autowired
    Listings listings;
    @Autowired
    Lots lots;
    @Autowired
    Consignors consignors;
    @Autowired
    Settlement settlement;
    @Autowired
    Stock stock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JsonMapper json;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    io.yizhan.station.support.MutableClock clock;

    Consignor farmer;
    Lot lot;
    Listings.Listing listing;

    @BeforeEach
    void aListedLot() {
        SignedIn.as(security, "manager", Role.MANAGER);
        AtCounter.bind("counter-1");
        farmer = Farmers.register(consignors, "吴大姐", 10, 7, EndAction.RETURN, null);
        lot = lots.intake(new LotRequest(farmer.id(), "HONEY", null, null, List.of(), 6L, 4_800, "本村", null, null));
        listing = listings.submit(new Listings.ListingRequest(lot.id(), "土蜂蜜 一斤装", "本村土蜂蜜，自家养蜂", 4_800, 6));
        listings.approve(listing.id());
        feed(FeedItem.LISTING_REVIEWS, listing.id().toString(), json.createObjectNode().put("listingId", listing.id().toString()).put("approved", true));
    }

    @AfterEach
    void leave() {
        AtCounter.unbind();
        SignedIn.out(security);
    }

    private void feed(String feed, String key, tools.jackson.databind.JsonNode payload) {
        tx.executeWithoutResult(s -> events.publishEvent(new FeedItem(feed, 1, key, payload)));
    }

    private UUID order(long pieces) {
        UUID id = UUID.randomUUID();
        feed(FeedItem.ONLINE_ORDERS, id.toString(), json.createObjectNode().put("orderId", id.toString()).put("listingId", listing.id().toString())
                .put("quantity", pieces).put("amountFen", pieces * 4_800).put("shippingFen", 1_000).put("recipientName", "测试买家")
                .put("recipientPhone", "13800138000").put("province", "GD").put("address", "深圳市南山区科技园科苑路 1 号"));
        return id;
    }

    private long left() {
        return stock.ofOwner(farmer.id().toString()).stream().mapToLong(StockLevel::quantity).sum();
    }

    @Test
    void anOrderTakesItsGoodsAtOnceAndIsPayableAfterTheWindowThenShips() {
        UUID id = order(2);
        order(2); // another order, another id
        UUID again = id;
        feed(FeedItem.ONLINE_ORDERS, again.toString(), json.createObjectNode().put("orderId", again.toString()).put("listingId", listing.id().toString())
                .put("quantity", 2).put("amountFen", 9_600).put("recipientName", "测试买家").put("recipientPhone", "13800138000").put("province", "GD")
                .put("address", "深圳市南山区科技园科苑路 1 号"));
        assertThat(left()).as("2 + 2 taken, the repeat of the first changes nothing").isEqualTo(2);
        OnlineOrders.Order o = orders.find(id).orElseThrow();
        assertThat(o.status()).isEqualTo(OnlineOrders.Status.RESERVED);
        assertThat(o.recipientPhoneMasked()).isEqualTo("138****8000");
        // ¥96.00 at 15 % online: ¥14.40 commission, ¥81.60 share — twice, payable in 7 days
        assertThat(settlement.balance(farmer.id())).isZero();
        assertThat(settlement.pending(farmer.id())).isEqualTo(2 * 8_160);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        try {
            assertThat(settlement.balance(farmer.id())).isEqualTo(2 * 8_160);
        } finally {
            clock.advance(Duration.ofDays(-7).minusMinutes(1));
        }

        OnlineOrders.Order shipped = orders.ship(id, "SF", 1_200, "13800000001");
        assertThat(shipped.status()).isEqualTo(OnlineOrders.Status.SHIPPED);
        assertThat(shipped.waybill()).startsWith("YZ");
        assertThat(shipped.sendingCostFen()).isPositive();
        assertThat(jdbc.sql("SELECT billed_to FROM parcels_shipment WHERE waybill = ?").param(shipped.waybill()).query(String.class).single())
                .isEqualTo("platform-order:" + id);
        assertThat(jdbc.sql("SELECT payment_id FROM parcels_shipment WHERE waybill = ?").param(shipped.waybill()).query(UUID.class).optional())
                .as("nobody pays at the counter").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE type = 'OnlineOrderShipped' AND aggregate_id = ?").param(id.toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> orders.ship(id, "SF", 1_200, "13800000001")).extracting("code").isEqualTo("NOT_RESERVED");
    }

    @Test
    void moreThanIsLeftIsNotTakenAndACancelledOrderPutsTheGoodsBack() {
        UUID tooMany = order(7);
        assertThat(orders.find(tooMany).orElseThrow().status()).isEqualTo(OnlineOrders.Status.CANNOT_FILL);
        assertThat(left()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE type = 'OnlineOrderCancelled' AND aggregate_id = ?").param(tooMany.toString())
                .query(Long.class).single()).isEqualTo(1);

        UUID id = order(3);
        assertThat(left()).isEqualTo(3);
        assertThat(settlement.pending(farmer.id())).isEqualTo(12_240);
        assertThatThrownBy(() -> orders.cancel(id, " ")).extracting("code").isEqualTo("REASON_REQUIRED");
        orders.cancel(id, "一瓶摔碎了");
        assertThat(left()).isEqualTo(6);
        assertThat(settlement.pending(farmer.id()) + settlement.balance(farmer.id())).as("the share is taken off again").isZero();
        assertThat(orders.find(id).orElseThrow().status()).isEqualTo(OnlineOrders.Status.CANCELLED);
    }
}

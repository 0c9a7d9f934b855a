package io.yizhan.station.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.contract.FeedItem;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listings: words the rules forbid keep a listing from being submitted (a title of nothing but banned
 * words too); more than is left is refused; only a manager sends it to central, as LotListed with a
 * small picture; central's decision comes back on the feed once, and a rejection keeps its reason.
 */
@StationTest
class ListingsTest {

    @Autowired
    Listings listings;
    @Autowired
    Lots lots;
    @Autowired
    Consignors consignors;
    @Autowired
    Goods goods;
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

    Lot lot;

    @BeforeEach
    void aLot() throws Exception {
        SignedIn.as(security, "clerk", Role.CLERK);
        AtCounter.bind("counter-1");
        Consignor farmer = Farmers.register(consignors, "周大爷", 10, 7, EndAction.RETURN, null);
        lot = lots.intake(new LotRequest(farmer.id(), "ORANGE-QC", null, null, List.of(5_000L, 5_000L), null, 900, "江西赣州", null, null));
        BufferedImage picture = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        goods.setPicture(lot.sku(), png.toByteArray());
    }

    @AfterEach
    void leave() {
        AtCounter.unbind();
        SignedIn.out(security);
    }

    private Listings.ListingRequest request(String title, long quantity) {
        return new Listings.ListingRequest(lot.id(), title, "赣南脐橙，现摘现发，最佳食用期 15 天", 990, quantity);
    }

    private void feed(String listingId, boolean approved, String reason) {
        tx.executeWithoutResult(s -> events.publishEvent(new FeedItem(FeedItem.LISTING_REVIEWS, 1, listingId,
                json.createObjectNode().put("listingId", listingId).put("approved", approved).put("reason", reason))));
    }

    @Test
    void bannedWordsAndTooMuchAreRefusedAndOnlyAManagerSendsIt() {
        assertThatThrownBy(() -> listings.submit(request("全网最甜的国家级脐橙", 10_000))).extracting("code").isEqualTo("NOT_COMPLIANT");
        assertThatThrownBy(() -> listings.submit(request("最 第一 顶级", 10_000))).extracting("code").isEqualTo("NOT_COMPLIANT");
        assertThatThrownBy(() -> listings.submit(request("赣南脐橙 一级", 10_001))).extracting("code").isEqualTo("BAD_QUANTITY");
        Listings.Listing made = listings.submit(request("赣南脐橙 一级 特级果园", 10_000));
        assertThat(made.status()).isEqualTo(Listings.Status.SUBMITTED);
        assertThatThrownBy(() -> listings.approve(made.id())).isInstanceOf(AccessDeniedException.class);

        SignedIn.as(security, "manager", Role.MANAGER);
        Listings.Listing sent = listings.approve(made.id());
        assertThat(sent.status()).isEqualTo(Listings.Status.SENT);
        assertThat(sent.reviewedBy()).isEqualTo("manager");
        String payload = jdbc.sql("SELECT payload FROM sync_outbox WHERE type = 'LotListed' AND aggregate_id = ?").param(made.id().toString())
                .query(String.class).single();
        assertThat(json.readTree(payload).path("thumbnailJpegBase64").asString()).isNotBlank().hasSizeLessThanOrEqualTo(Listings.THUMBNAIL_MAX_CHARS);
        assertThat(payload).contains("\"lotNo\":\"" + lot.lotNo() + "\"").doesNotContain("周大爷").doesNotContain("13612345678");
        assertThatThrownBy(() -> listings.approve(made.id())).extracting("code").isEqualTo("NOT_SUBMITTED");

        feed(made.id().toString(), true, null);
        assertThat(listings.find(made.id()).orElseThrow().status()).isEqualTo(Listings.Status.LISTED);
        feed(made.id().toString(), false, "图片不清楚");
        assertThat(listings.find(made.id()).orElseThrow().status()).as("decided once").isEqualTo(Listings.Status.LISTED);
    }

    @Test
    void aRejectionComesBackWithItsReason() {
        Listings.Listing made = listings.submit(request("脐橙 一级", 1_000));
        SignedIn.as(security, "manager", Role.MANAGER);
        assertThatThrownBy(() -> listings.reject(made.id(), " ")).extracting("code").isEqualTo("REASON_REQUIRED");
        Listings.Listing other = listings.submit(request("脐橙 二级", 1_000));
        listings.reject(other.id(), "等级写错了");
        assertThat(listings.find(other.id()).orElseThrow().reason()).isEqualTo("等级写错了");
        listings.approve(made.id());
        feed(made.id().toString(), false, "图片不清楚");
        Listings.Listing back = listings.find(made.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(Listings.Status.REJECTED);
        assertThat(back.reason()).isEqualTo("图片不清楚");
    }
}

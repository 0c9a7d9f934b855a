package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.StationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@StationTest
@RecordApplicationEvents
class SendingTest {

    @Autowired
    Sending sending;
    @Autowired
    Parcels parcels;
    @Autowired
    PhoneErasure erasure;
    @Autowired
    PrintQueue printing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;

    private static SendRequest request(String phone, String address, long grams) {
        return new SendRequest("SF", "李大爷", "13812345678", "李小明", phone, "XJ", address, grams, null, null, null);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private long jobs(String document) {
        return printing.recent(10_000).stream().filter(j -> j.document().equals(document)).count();
    }

    @BeforeEach
    void atACounter() {
        AtCounter.bind("counter-1");
    }

    @AfterEach
    void leaveTheCounter() {
        AtCounter.unbind();
    }

    @Test
    void firstKilogramPlusEachStartedKilogramByZone() {
        assertThat(sending.quote("SF", "ZJ", 800, null, null, null)).isEqualTo(new Quote("SF", "LOCAL", 800, 0, 1, 1200));
        assertThat(sending.quote("SF", "ZJ", 1000, null, null, null).chargeableKg()).isEqualTo(1);
        assertThat(sending.quote("SF", "ZJ", 1001, null, null, null).chargeableKg()).isEqualTo(2);
        Quote far = sending.quote("SF", "XJ", 2300, null, null, null);
        assertThat(far.zone()).isEqualTo("REMOTE");
        assertThat(far.chargeableKg()).isEqualTo(3);
        assertThat(far.priceFen()).isEqualTo(2500 + 2 * 1500);
    }

    @Test
    void aLightButBulkyParcelIsChargedByVolume() {
        // 40 × 30 × 20 cm = 24,000 cm³; ZTO divides by 8,000 → 3 kg, more than the 1 kg on the scale
        Quote q = sending.quote("ZTO", "JS", 900, 40, 30, 20);
        assertThat(q.volumetricGrams()).isEqualTo(3000);
        assertThat(q.chargeableKg()).isEqualTo(3);
        assertThat(q.priceFen()).isEqualTo(1000 + 2 * 200);
        // SF divides by 6,000: the same box is 4 kg
        assertThat(sending.quote("SF", "JS", 900, 40, 30, 20).chargeableKg()).isEqualTo(4);
        // a small box weighs what the scale says
        assertThat(sending.quote("ZTO", "JS", 2500, 20, 15, 10).chargeableKg()).isEqualTo(3);
    }

    @Test
    void badWeightSizeProvinceOrCourierIsRefusedWithAReason() {
        assertThatThrownBy(() -> sending.quote("SF", "ZJ", 0, null, null, null)).extracting("code").isEqualTo("BAD_WEIGHT");
        assertThatThrownBy(() -> sending.quote("SF", "ZJ", Sending.MAX_GRAMS + 1, null, null, null)).extracting("code").isEqualTo("BAD_WEIGHT");
        assertThatThrownBy(() -> sending.quote("SF", "ZJ", 500, 30, null, 10)).extracting("code").isEqualTo("BAD_DIMENSIONS");
        assertThatThrownBy(() -> sending.quote("SF", "ZJ", 500, 30, 201, 10)).extracting("code").isEqualTo("BAD_DIMENSIONS");
        assertThatThrownBy(() -> sending.quote("SF", "XX", 500, null, null, null)).extracting("code").isEqualTo("BAD_PROVINCE");
        assertThatThrownBy(() -> sending.quote("ACME", "ZJ", 500, null, null, null)).extracting("code").isEqualTo("BAD_COURIER");
    }

    @Test
    void sendingTakesTheCashPrintsReceiptAndWaybillAndWaitsForTheCourier() {
        long payments = count("payments_payment");
        long receipts = jobs("receipt");
        long labels = jobs("waybill-label");
        long awaiting = parcels.stats().get(ParcelStatus.AWAITING_COLLECTION);

        Shipment s = sending.send(request("13900001111", "乌鲁木齐市天山区解放北路 12 号", 2300));

        assertThat(s.waybill()).matches("YZ\\d{13}");
        assertThat(s.status()).isEqualTo(ParcelStatus.AWAITING_COLLECTION);
        assertThat(s.priceFen()).isEqualTo(5500);
        assertThat(s.recipientPhone()).isEqualTo("139****1111");
        assertThat(s.senderPhone()).isEqualTo("138****5678");
        assertThat(count("payments_payment")).isEqualTo(payments + 1);
        assertThat(jdbc.sql("SELECT amount_fen FROM payments_payment p JOIN parcels_shipment s ON s.payment_id = p.id WHERE s.id = ?")
                .param(s.id()).query(Long.class).single()).isEqualTo(5500);
        assertThat(jobs("receipt")).isEqualTo(receipts + 1);
        assertThat(jobs("waybill-label")).isEqualTo(labels + 1);
        assertThat(printing.recent(10).stream().filter(j -> j.document().equals("waybill-label")).findFirst().orElseThrow().device())
                .as("the configured waybill printer").isEqualTo("test-waybill-printer");
        assertThat(events.stream(ParcelSent.class).filter(e -> e.parcelId().equals(s.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.waybill()).isEqualTo(s.waybill());
                    assertThat(e.priceFen()).isEqualTo(5500);
                    assertThat(e.eventId().version()).isEqualTo(7);
                });
        assertThat(parcels.stats().get(ParcelStatus.AWAITING_COLLECTION)).isEqualTo(awaiting + 1);
        assertThat(sending.byStatus(ParcelStatus.AWAITING_COLLECTION, 10)).extracting(Shipment::id).contains(s.id());

        Shipment second = sending.send(request("13900001111", "乌鲁木齐市天山区解放北路 12 号", 500));
        assertThat(second.waybill()).isNotEqualTo(s.waybill());
    }

    @Test
    void badInputTakesNoMoneyAndStoresNothing() {
        long payments = count("payments_payment");
        long shipments = count("parcels_shipment");
        assertThatThrownBy(() -> sending.send(request("1390000", "乌鲁木齐市天山区解放北路 12 号", 500))).extracting("code").isEqualTo("BAD_PHONE");
        assertThatThrownBy(() -> sending.send(request("13900001111", "乌鲁", 500))).extracting("code").isEqualTo("BAD_ADDRESS");
        assertThatThrownBy(() -> sending.send(request("13900001111", "乌鲁木齐市天山区解放北路 12 号", -5))).extracting("code").isEqualTo("BAD_WEIGHT");
        assertThatThrownBy(() -> sending.send(new SendRequest("SF", " ", "13812345678", "李小明", "13900001111", "XJ", "乌鲁木齐市天山区", 500,
                null, null, null))).extracting("code").isEqualTo("BAD_NAME");
        assertThat(count("payments_payment")).isEqualTo(payments);
        assertThat(count("parcels_shipment")).isEqualTo(shipments);
    }

    @Test
    void theCourierCollectsEachParcelOnceByScan() {
        Shipment s = sending.send(request("13900002222", "乌鲁木齐市天山区解放北路 12 号", 500));
        Shipment collected = sending.collect(s.waybill().toLowerCase());
        assertThat(collected.status()).isEqualTo(ParcelStatus.COLLECTED);
        assertThat(collected.collectedAt()).isNotNull();
        assertThat(events.stream(ParcelCollected.class).filter(e -> e.parcelId().equals(s.id()))).hasSize(1);
        assertThatThrownBy(() -> sending.collect(s.waybill())).isInstanceOfSatisfying(ParcelRefused.class, e -> {
            assertThat(e.code()).isEqualTo("ALREADY_COLLECTED");
            assertThat(e.at()).isEqualTo(collected.collectedAt());
        });
        assertThatThrownBy(() -> sending.collect("YZ0000000000000")).extracting("code").isEqualTo("NOT_FOUND");

        long lists = jobs("collection-list");
        sending.printCollectionList("SF", java.util.List.of(collected));
        assertThat(jobs("collection-list")).isEqualTo(lists + 1);
    }

    @Test
    void phonesOfCollectedParcelsAreErasedAfterTheConfiguredDays() {
        Shipment s = sending.send(request("13900003333", "乌鲁木齐市天山区解放北路 12 号", 500));
        Shipment waiting = sending.send(request("13900004444", "乌鲁木齐市天山区解放北路 12 号", 500));
        sending.collect(s.waybill());
        clock.advance(Duration.ofDays(31));
        erasure.eraseDue();
        Shipment erased = sending.find(s.id()).orElseThrow();
        assertThat(erased.recipientPhone()).isNull();
        assertThat(erased.senderPhone()).isNull();
        assertThat(erased.recipientName()).isEqualTo("李小明");
        assertThat(sending.find(waiting.id()).orElseThrow().recipientPhone()).as("not collected: kept").isEqualTo("139****4444");
    }
}

package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.StationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@StationTest
class ParcelsTest {

    @Autowired
    Parcels parcels;
    @Autowired
    PrintQueue printing;
    @Autowired
    JdbcClient jdbc;

    static String waybill(String prefix) {
        return prefix + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private Parcel checkIn(String waybill, String phone) {
        return parcels.checkIn(new CheckIn(waybill, phone, null, null, false, null));
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
    void checkInGivesAShelfPlaceACodeALabelAndANotification() {
        int jobsBefore = printing.recent(10_000).size();
        String wb = waybill("sf");
        Parcel p = checkIn(wb, "138 1234 5678");
        assertThat(p.waybill()).isEqualTo(wb.toUpperCase());
        assertThat(p.courier()).isEqualTo("SF");
        assertThat(p.status()).isEqualTo(ParcelStatus.IN_STORE);
        assertThat(p.pickupCode()).matches("[1-9]-[1-9]-\\d{4}").startsWith(p.shelf() + "-" + p.layer() + "-");
        assertThat(p.phone()).isEqualTo("138****5678");
        assertThat(printing.recent(10_000)).hasSize(jobsBefore + 1).first().extracting(j -> j.document()).isEqualTo("shelf-label");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM parcels_notification WHERE parcel_id = ? AND status = 'PENDING'")
                .param(p.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCheckInKeepsTheDatabasesParsedStatements(@Autowired javax.sql.DataSource dataSource) throws Exception {
        // any SET statement (a query timeout set per statement was one) makes H2 parse every statement of every
        // connection again: a check-in must not run one
        checkIn(waybill("SF"), "13900001111");
        try (var connection = dataSource.getConnection()) {
            var database = ((org.h2.engine.SessionLocal) connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession()).getDatabase();
            long before = database.getModificationMetaId();
            for (int i = 0; i < 3; i++) {
                checkIn(waybill("SF"), "13900001111");
            }
            assertThat(database.getModificationMetaId()).as("statements that invalidate H2's parsed statements").isEqualTo(before);
        }
    }

    @Test
    void couriersAreRecognisedFromDataAndUnknownOnesAreOther() {
        assertThat(checkIn(waybill("JT"), "13900001111").courier()).isEqualTo("JT");
        assertThat(checkIn(waybill("YT"), "13900001111").courier()).isEqualTo("YTO");
        assertThat(checkIn("XX-" + waybill("Q"), "13900001111").courier()).isEqualTo("OTHER");
    }

    @Test
    void badWaybillsAndPhonesAreRefusedPlainly() {
        assertThatThrownBy(() -> checkIn("SF12", "13812345678")).isInstanceOf(ParcelRefused.class)
                .extracting("code").isEqualTo("BAD_WAYBILL");
        assertThatThrownBy(() -> checkIn("SF1234567890123!", "13812345678")).extracting("code").isEqualTo("BAD_WAYBILL");
        assertThatThrownBy(() -> checkIn(waybill("SF"), "2381234567")).extracting("code").isEqualTo("BAD_PHONE");
    }

    @Test
    void aWaybillIsInTheStationOnceAndMayComeBackAfterItLeft() {
        String wb = waybill("SF");
        Parcel first = checkIn(wb, "13812345678");
        assertThatThrownBy(() -> checkIn(wb.toLowerCase(), "13812345678")).extracting("code").isEqualTo("DUPLICATE_WAYBILL");
        parcels.pickUp(first.id(), null, null);
        Parcel again = checkIn(wb, "13812345678");
        assertThat(parcels.byWaybill(wb)).extracting(Parcel::id).containsExactly(again.id(), first.id());
    }

    @Test
    void theSameWaybillAtTwoCountersAtOnceMakesExactlyOneParcel() throws Exception {
        String wb = waybill("SF");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<String> task = () -> {
                go.await();
                try {
                    checkIn(wb, "13812345678");
                    return "ok";
                } catch (ParcelRefused e) {
                    return e.code();
                }
            };
            results.add(pool.submit(task));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("ok").containsOnly("ok", "DUPLICATE_WAYBILL");
        assertThat(parcels.byWaybill(wb)).hasSize(1);
    }

    @Test
    void pickupCodesWorkWithOrWithoutDashesAndPhoneTailsFindEveryParcel() {
        String phone = "1370000" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        Parcel a = checkIn(waybill("SF"), phone);
        Parcel b = checkIn(waybill("JT"), phone);
        assertThat(parcels.byCode(a.pickupCode())).get().extracting(Parcel::id).isEqualTo(a.id());
        assertThat(parcels.byCode(a.pickupCode().replace("-", ""))).get().extracting(Parcel::id).isEqualTo(a.id());
        assertThat(parcels.byPhoneTail(phone.substring(7))).extracting(Parcel::id).contains(a.id(), b.id());
        assertThat(parcels.byCode("9-9-9999")).isEmpty();
    }

    @Test
    void aSecondPickupIsRefusedWithTheTimeOfTheFirstAndTheShelfPlaceIsFreed() {
        Parcel p = checkIn(waybill("SF"), "13812345678");
        int usedBefore = jdbc.sql("SELECT used FROM parcels_slot WHERE shelf = ? AND layer = ?").params(p.shelf(), p.layer())
                .query(Integer.class).single();
        Parcel out = parcels.pickUp(p.id(), "王阿姨", "13911112222");
        assertThat(out.status()).isEqualTo(ParcelStatus.PICKED_UP);
        assertThat(out.leftAt()).isNotNull();
        assertThat(parcels.byCode(p.pickupCode())).as("the code is free again").isEmpty();
        assertThat(jdbc.sql("SELECT used FROM parcels_slot WHERE shelf = ? AND layer = ?").params(p.shelf(), p.layer())
                .query(Integer.class).single()).isEqualTo(usedBefore - 1);
        assertThatThrownBy(() -> parcels.pickUp(p.id(), null, null)).isInstanceOf(Parcels.AlreadyOut.class)
                .satisfies(e -> assertThat(((Parcels.AlreadyOut) e).at()).isEqualTo(out.leftAt()));
    }

    @Test
    void cashOnDeliveryIsTakenInCashWithAReceiptBeforeTheParcelLeaves() {
        Parcel cod = parcels.checkIn(new CheckIn(waybill("SF"), "13812345678", null, null, false, null, 1250L));
        assertThat(cod.codFen()).isEqualTo(1250L);
        assertThatThrownBy(() -> parcels.pickUp(cod.id(), null, null)).extracting("code").isEqualTo("COD_UNPAID");
        int receiptsBefore = (int) printing.recent(10_000).stream().filter(j -> j.document().equals("receipt")).count();
        Parcel out = parcels.payAndPickUp(cod.id(), null, null);
        assertThat(out.status()).isEqualTo(ParcelStatus.PICKED_UP);
        assertThat(jdbc.sql("SELECT amount_fen FROM payments_payment WHERE id = (SELECT payment_id FROM parcels_parcel WHERE id = ?)")
                .param(cod.id()).query(Long.class).single()).isEqualTo(1250L);
        assertThat(printing.recent(10_000).stream().filter(j -> j.document().equals("receipt")).count()).isEqualTo(receiptsBefore + 1);
        assertThatThrownBy(() -> parcels.payAndPickUp(cod.id(), null, null)).isInstanceOf(Parcels.AlreadyOut.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payments_payment WHERE purpose LIKE ?").param("%" + cod.waybill())
                .query(Integer.class).single()).as("paid once").isEqualTo(1);
    }

    @Test
    void checkInsGoToTheLeastFilledLayer() {
        List<String> layers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Parcel p = checkIn(waybill("SF"), "13812345678");
            layers.add(p.shelf() + "-" + p.layer());
        }
        assertThat(layers).doesNotHaveDuplicates();
    }

    @Test
    void coldParcelsGoToColdShelvesAndAFullStationSaysSo() {
        Parcel cold = parcels.checkIn(new CheckIn(waybill("SF"), "13812345678", null, SizeClass.MEDIUM, true, "盒子有点压扁"));
        assertThat(cold.shelf()).isEqualTo(6);
        assertThat(cold.damageNote()).isEqualTo("盒子有点压扁");
        List<int[]> saved = jdbc.sql("SELECT shelf, layer, capacity FROM parcels_slot")
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).list();
        jdbc.sql("UPDATE parcels_slot SET capacity = used").update();
        try {
            assertThatThrownBy(() -> checkIn(waybill("SF"), "13812345678")).extracting("code").isEqualTo("STATION_FULL");
            jdbc.sql("UPDATE parcels_slot SET capacity = used + 1 WHERE shelf = 0").update();
            assertThat(checkIn(waybill("SF"), "13812345678").shelf()).as("overflow area").isZero();
        } finally {
            for (int[] s : saved) {
                jdbc.sql("UPDATE parcels_slot SET capacity = ? WHERE shelf = ? AND layer = ?").params(s[2], s[0], s[1]).update();
            }
        }
    }
}

package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.StationTest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@StationTest
class PhoneErasureTest {

    @Autowired
    Parcels parcels;
    @Autowired
    PhoneErasure erasure;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void numbersGoThirtyDaysAfterTheParcelLeftAndNotBefore() {
        String wb = "SF" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        Parcel left = parcels.checkIn(new CheckIn(wb, "13812345678", null, null, false, null));
        Parcel stays = parcels.checkIn(new CheckIn(wb + "9", "13812345678", null, null, false, null));
        parcels.pickUp(left.id(), "王阿姨", "13911112222");
        clock.advance(Duration.ofDays(29));
        erasure.eraseDue();
        assertThat(parcels.find(left.id()).orElseThrow().phone()).isNotNull();
        clock.advance(Duration.ofDays(2));
        erasure.eraseDue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM parcels_parcel WHERE id = ? AND phone IS NULL AND phone_tail IS NULL AND proxy_phone IS NULL")
                .param(left.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM parcels_notification WHERE parcel_id = ? AND phone IS NOT NULL")
                .param(left.id()).query(Integer.class).single()).isZero();
        assertThat(parcels.find(stays.id()).orElseThrow().phone()).as("still in the station: kept").isEqualTo("138****5678");
    }
}

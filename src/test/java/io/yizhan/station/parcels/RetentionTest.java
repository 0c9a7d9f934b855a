package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.StationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@StationTest
class RetentionTest {

    @Autowired
    Parcels parcels;
    @Autowired
    Retention retention;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PrintQueue printing;

    private static String waybill() {
        return "YT" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private int reminders(Parcel p) {
        return jdbc.sql("SELECT COUNT(*) FROM parcels_notification WHERE parcel_id = ? AND kind LIKE 'REMINDER%'")
                .param(p.id()).query(Integer.class).single();
    }

    @Test
    void remindersOnDayThreeAndFiveThenBackToTheCourierOnDaySeven() {
        Parcel p = parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, false, null));
        retention.sendReminders();
        assertThat(reminders(p)).isZero();
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        retention.sendReminders();
        retention.sendReminders();
        assertThat(reminders(p)).as("the day-3 reminder, once").isEqualTo(1);
        assertThat(retention.overdue()).extracting(Parcel::id).doesNotContain(p.id());
        clock.advance(Duration.ofDays(2));
        retention.sendReminders();
        assertThat(reminders(p)).isEqualTo(2);
        clock.advance(Duration.ofDays(2));
        assertThat(retention.overdue()).extracting(Parcel::id).contains(p.id());

        Parcel back = retention.returnToCourier(p.waybill().toLowerCase());
        assertThat(back.status()).isEqualTo(ParcelStatus.RETURNED);
        assertThat(retention.overdue()).extracting(Parcel::id).doesNotContain(p.id());
        assertThatThrownBy(() -> retention.returnToCourier(p.waybill())).extracting("code").isEqualTo("NOT_FOUND");

        int lists = (int) printing.recent(10_000).stream().filter(j -> j.document().equals("return-list")).count();
        retention.printHandoverList("YTO", List.of(back));
        assertThat(printing.recent(10_000).stream().filter(j -> j.document().equals("return-list")).count()).isEqualTo(lists + 1);
    }

    @Test
    void coldChainParcelsAreDueBackInHours() {
        Parcel cold = parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, true, null));
        clock.advance(Duration.ofHours(25));
        assertThat(retention.overdue()).extracting(Parcel::id).contains(cold.id());
    }
}

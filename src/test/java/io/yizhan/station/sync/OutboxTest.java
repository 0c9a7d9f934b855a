package io.yizhan.station.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.parcels.CheckIn;
import io.yizhan.station.parcels.Parcel;
import io.yizhan.station.parcels.Parcels;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.StationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@StationTest
class OutboxTest {

    @Autowired
    Parcels parcels;
    @Autowired
    Sync sync;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    private static String waybill() {
        return "SF" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private List<Map<String, Object>> outbox(Parcel p) {
        return jdbc.sql("SELECT type, sequence_no, status, payload, version FROM sync_outbox WHERE aggregate_id = ? ORDER BY sequence_no")
                .param(p.id().toString()).query().listOfRows();
    }

    @Test
    void eachParcelEventIsInTheOutboxInTheSameTransactionNumberedPerParcel() {
        long pendingBefore = sync.status().pending();
        Parcel p = parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, false, null));
        parcels.pickUp(p.id(), null, null);

        List<Map<String, Object>> events = outbox(p);
        assertThat(events).extracting(r -> r.get("TYPE")).containsExactly("ParcelCheckedIn", "NotificationRequested", "ParcelPickedUp");
        assertThat(events).extracting(r -> ((Number) r.get("SEQUENCE_NO")).longValue()).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(r -> r.get("STATUS")).containsOnly("PENDING");
        assertThat((String) events.getFirst().get("PAYLOAD")).contains(p.waybill(), p.id().toString()).doesNotContain("13812345678");
        assertThat((String) events.get(1).get("PAYLOAD")).as("central needs the number to text it").contains("13812345678", p.pickupCode());
        assertThat(sync.status().pending()).isEqualTo(pendingBefore + 3);
    }

    @Test
    void aRefusedChangeLeavesNoEvent() {
        Parcel p = parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, false, null));
        long rows = jdbc.sql("SELECT COUNT(*) FROM sync_outbox").query(Long.class).single();
        assertThatThrownBy(() -> parcels.checkIn(new CheckIn(p.waybill(), "13812345678", null, null, false, null)))
                .extracting("code").isEqualTo("DUPLICATE_WAYBILL");
        parcels.pickUp(p.id(), null, null);
        assertThatThrownBy(() -> parcels.pickUp(p.id(), null, null)).extracting("code").isEqualTo("ALREADY_OUT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_outbox").query(Long.class).single()).as("only the pickup").isEqualTo(rows + 1);
    }

    @Test
    void statusTellsTheQueueAndItsOldestAgeAndAlarmsAfterTheConfiguredTime() {
        parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, false, null));
        clock.advance(Duration.ofMinutes(10));
        SyncStatus s = sync.status();
        assertThat(s.online()).as("sync is off in tests: never online").isFalse();
        assertThat(s.pending()).isPositive();
        assertThat(s.oldestPendingSeconds()).isGreaterThanOrEqualTo(600);
        assertThat(s.alarm()).isFalse();
        clock.advance(Duration.ofHours(25));
        assertThat(sync.status().alarm()).as("cut off longer than yizhan.sync.offline-alarm").isTrue();
    }

    @Test
    void aQuarantinedEventCanBeSentAgain() {
        Parcel p = parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, false, null));
        jdbc.sql("UPDATE sync_outbox SET status = 'QUARANTINED', reason = 'bad payload' WHERE aggregate_id = ? AND sequence_no = 1")
                .param(p.id().toString()).update();
        assertThat(sync.quarantined()).anySatisfy(q -> {
            assertThat(q.aggregateId()).isEqualTo(p.id().toString());
            assertThat(q.reason()).isEqualTo("bad payload");
        });
        assertThat(sync.status().quarantined()).isPositive();
        QuarantinedEvent q = sync.quarantined().stream().filter(e -> e.aggregateId().equals(p.id().toString())).findFirst().orElseThrow();
        assertThat(sync.retry(q.id())).isTrue();
        assertThat(sync.retry(q.id())).as("only once").isFalse();
        assertThat(outbox(p)).extracting(r -> r.get("STATUS")).containsOnly("PENDING");
    }
}

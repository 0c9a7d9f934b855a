package io.yizhan.station.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.parcels.CheckIn;
import io.yizhan.station.parcels.Parcel;
import io.yizhan.station.parcels.Parcels;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.support.WithCentral;
import io.yizhan.station.sync.QuarantinedEvent;
import io.yizhan.station.sync.Sync;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delivery against a real central (shared, see {@link WithCentral}):
 * acknowledged events are marked delivered, a lost answer is resent and counted once, a refused
 * event is quarantined with central's reason while other parcels keep flowing and its own parcel's
 * later events wait, and a retry sends it again.
 */
class DeliveryTest extends WithCentral {

    @Autowired
    Delivery delivery;
    @Autowired
    Parcels parcels;
    @Autowired
    Sync sync;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Pulls pulls;
    @Autowired
    OutboxPruning pruning;

    private long atCentral(String aggregateId) {
        return centralDb().sql("SELECT COUNT(*) FROM central_event WHERE aggregate_id = ?").param(aggregateId).query(Long.class).single();
    }

    private static String waybill() {
        return "SF" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private void drain() throws Exception {
        while (delivery.deliverOnce() > 0) {
            // until nothing deliverable is left
        }
    }

    @BeforeEach
    void clean() throws Exception {
        drain();
    }

    @Test
    void whatCentralAcknowledgesIsDelivered() throws Exception {
        Parcel p = parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, false, null));
        parcels.pickUp(p.id(), null, null);
        drain();
        assertThat(atCentral(p.id().toString())).as("checked in, text requested, picked up").isEqualTo(3);
        assertThat(sync.status().pending()).isZero();
        assertThat(sync.status().lastSuccessAt()).isNotNull();
        assertThat(centralDb().sql("SELECT sequence_no FROM central_event WHERE aggregate_id = ? ORDER BY arrival")
                .param(p.id().toString()).query(Long.class).list()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anAnswerLostOnTheWayIsSentAgainAndCountedOnce() throws Exception {
        Parcel p = parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, false, null));
        drain();
        // as if central's answer never arrived: the station still has it pending and sends it again
        jdbc.sql("UPDATE sync_outbox SET status = 'PENDING' WHERE aggregate_id = ?").param(p.id().toString()).update();
        long duplicates = centralDb().sql("SELECT duplicates_ignored FROM central_station WHERE id = 'demo-station-001'")
                .query(Long.class).single();
        drain();
        assertThat(atCentral(p.id().toString())).isEqualTo(2);
        assertThat(centralDb().sql("SELECT duplicates_ignored FROM central_station WHERE id = 'demo-station-001'").query(Long.class).single())
                .isEqualTo(duplicates + 2);
        assertThat(sync.status().pending()).isZero();
    }

    @Test
    void aRefusedEventIsQuarantinedItsParcelWaitsAndEveryOtherParcelFlows() throws Exception {
        Parcel held = parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, false, null));
        // an event of a type central does not know (say, from a newer station) goes first
        UUID bogus = UuidV7.next(clock);
        jdbc.sql("UPDATE sync_outbox SET sequence_no = sequence_no + 10 WHERE aggregate_id = ?").param(held.id().toString()).update();
        jdbc.sql("""
                        INSERT INTO sync_outbox (id, type, version, aggregate_id, sequence_no, occurred_at, payload, status)
                        VALUES (?, 'ParcelWeighed', 1, ?, 1, ?, '{"grams":1200}', 'PENDING')""")
                .params(bogus, held.id().toString(), OffsetDateTime.now(clock)).update();
        jdbc.sql("UPDATE sync_outbox SET position = position + 1000000 WHERE aggregate_id = ? AND sequence_no > 10")
                .param(held.id().toString()).update();
        Parcel other = parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, false, null));

        drain();
        assertThat(sync.quarantined()).extracting(QuarantinedEvent::id).contains(bogus);
        assertThat(sync.quarantined()).filteredOn(q -> q.id().equals(bogus)).singleElement()
                .satisfies(q -> assertThat(q.reason()).contains("unknown event type ParcelWeighed"));
        assertThat(atCentral(other.id().toString())).as("other parcels keep flowing").isEqualTo(2);
        assertThat(atCentral(held.id().toString())).as("the held parcel's later event waits").isZero();
        assertThat(sync.status().quarantined()).isPositive();

        // central is taught nothing here, so a retry is refused again; the held event still waits
        sync.retry(bogus);
        drain();
        assertThat(atCentral(held.id().toString())).isZero();
        // staff remove the bad event's cause (here: it becomes a known type) and retry
        jdbc.sql("UPDATE sync_outbox SET type = 'ParcelCheckedIn' WHERE id = ?").param(bogus).update();
        sync.retry(bogus);
        drain();
        assertThat(atCentral(held.id().toString())).isEqualTo(3);
        assertThat(sync.quarantined()).extracting(QuarantinedEvent::id).doesNotContain(bogus);
    }

    @Test
    void centralTextsTheRecipientAndTheResultComesBack() throws Exception {
        Parcel sent = parcels.checkIn(new CheckIn(waybill(), "13812345678", null, null, false, null));
        Parcel unreachable = parcels.checkIn(new CheckIn(waybill(), "17000001234", null, null, false, null));
        drain();
        centralContext().getBean(io.yizhan.central.Notifications.class).sendPending();
        assertThat(centralDb().sql("SELECT text FROM central_sms_sandbox WHERE phone = '13812345678'").query(String.class).list())
                .anySatisfy(text -> assertThat(text).contains(sent.pickupCode(), "顺丰速运", "取件码"));
        pulls.pullAll();
        assertThat(notification(sent)).isEqualTo("SENT");
        assertThat(notification(unreachable)).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT reason FROM parcels_notification WHERE parcel_id = ?").param(unreachable.id()).query(String.class).single())
                .contains("unreachable");
        assertThat(pulls.pullAll()).as("nothing applied twice").isZero();
    }

    private String notification(Parcel p) {
        return jdbc.sql("SELECT status FROM parcels_notification WHERE parcel_id = ? AND kind = 'CHECKED_IN'").param(p.id())
                .query(String.class).single();
    }

    @Test
    void aCourierManifestFillsThePhoneAtCheckIn() throws Exception {
        String waybill = waybill();
        int port = port();
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/central/stations/demo-station-001/manifests"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("operator:operator-demo".getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("[{\"waybill\":\"" + waybill.toLowerCase()
                        + "\",\"courier\":\"SF\",\"phone\":\"139 0000 5678\"}]")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        var badCourier = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/central/stations/demo-station-001/manifests"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("operator:operator-demo".getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("[{\"waybill\":\"" + waybill()
                        + "\",\"courier\":\"SF-EXPRESS-INTERNATIONAL\",\"phone\":\"13900005678\"}]")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(badCourier.statusCode()).as("a line the station could not store is refused at central").isEqualTo(400);
        assertThat(parcels.manifestPhone(waybill)).isEmpty();
        assertThat(pulls.pullAll()).isPositive();
        assertThat(parcels.manifestPhone(waybill)).contains("139****5678");
        Parcel p = parcels.checkIn(new CheckIn(waybill, "", null, null, false, null));
        assertThat(p.phone()).isEqualTo("139****5678");
        assertThat(pulls.pullAll()).isZero();
    }

    @Test
    void phoneNumbersDoNotOutstayThePrivacyRuleOnEitherSide() throws Exception {
        Parcel p = parcels.checkIn(new CheckIn(waybill(), "13866667777", null, null, false, null));
        drain();
        centralContext().getBean(io.yizhan.central.Notifications.class).sendPending();
        assertThat(centralDb().sql("SELECT COUNT(*) FROM central_sms WHERE phone = '13866667777'").query(Long.class).single()).isEqualTo(1);

        centralContext().getBean(io.yizhan.central.PhoneErasure.class).eraseBefore(java.time.Instant.now().plusSeconds(60));
        assertThat(centralDb().sql("SELECT COUNT(*) FROM central_sms WHERE phone LIKE '%66667777%' OR phone = '13866667777'")
                .query(Long.class).single()).isZero();
        assertThat(centralDb().sql("SELECT payload FROM central_event WHERE aggregate_id = ? AND type = 'NotificationRequested'")
                .param(p.id().toString()).query(String.class).single()).contains("138****7777").doesNotContain("13866667777");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE aggregate_id = ?").param(p.id().toString()).query(Long.class).single())
                .isEqualTo(2);
        ((io.yizhan.station.support.MutableClock) clock).advance(java.time.Duration.ofDays(31));
        pruning.prune();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE aggregate_id = ?").param(p.id().toString()).query(Long.class).single())
                .as("delivered events leave the station's outbox").isZero();
        parcels.pickUp(p.id(), null, null);
        assertThat(jdbc.sql("SELECT sequence_no FROM sync_outbox WHERE aggregate_id = ?").param(p.id().toString()).query(Long.class).single())
                .as("numbering goes on after pruning").isEqualTo(3);
    }
}

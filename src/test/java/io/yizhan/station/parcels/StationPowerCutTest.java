package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.StationApplication;
import io.yizhan.station.shared.DurableStorage;
import io.yizhan.station.support.AtCounter;
import io.yizhan.station.support.PowerCutFilePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The station loses the power in the middle of a busy counter: check-ins, and cash-on-delivery
 * parcels paid in cash and handed over, from four callers at once. Its database file sits on a
 * simulated disk that drops everything not forced to the device ({@link PowerCutFilePath}). The
 * station then starts again on what the disk kept: every check-in, payment and handover that a
 * caller saw acknowledged is there, each payment's cash in exactly one drawer session.
 */
class StationPowerCutTest {

    static {
        PowerCutFilePath.register();
    }

    private static ConfigurableApplicationContext station(String url, Path data) {
        return new SpringApplicationBuilder(StationApplication.class).profiles("test")
                .run("--spring.datasource.url=" + url, "--yizhan.data-dir=" + data, "--server.port=0");
    }

    @Test
    void everyAcknowledgedCheckInPaymentAndHandoverSurvivesAPowerCutAndARestart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("yizhan.build.dir", "target")).toAbsolutePath(), "station-powercut-");
        Path db = dir.resolve("db/yizhan");
        String settings = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        ConcurrentLinkedQueue<UUID> checkedIn = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<UUID> paidAndHandedOver = new ConcurrentLinkedQueue<>();
        ConfigurableApplicationContext running = station(
                "jdbc:h2:" + DurableStorage.SCHEME + ":powercut:" + db + settings, dir.resolve("data"));
        Parcels parcels = running.getBean(Parcels.class);
        AtomicBoolean off = new AtomicBoolean();
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            callers.add(Thread.ofPlatform().start(() -> {
                AtCounter.bind("counter-1");
                while (!off.get()) {
                    try {
                        String waybill = "SF" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
                        boolean cod = ThreadLocalRandom.current().nextBoolean();
                        Parcel p = parcels.checkIn(new CheckIn(waybill, "13812345678", null, null, false, null, cod ? 1250L : null));
                        checkedIn.add(p.id());
                        if (cod) {
                            parcels.payAndPickUp(p.id(), null, null);
                            paidAndHandedOver.add(p.id());
                        }
                    } catch (RuntimeException powerGone) {
                        return;
                    }
                }
            }));
        }
        long deadline = System.nanoTime() + 180_000_000_000L;
        while ((checkedIn.size() < 150 || paidAndHandedOver.size() < 50) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        PowerCutFilePath.cutPower();
        off.set(true);
        for (Thread t : callers) {
            t.join(30_000);
        }
        try {
            running.close(); // the machine is dead: its shutdown writes fail and are lost
        } catch (RuntimeException expected) {
            // nothing reaches the disk any more
        }
        assertThat(checkedIn).as("check-ins acknowledged before the cut (within 180 s)").hasSizeGreaterThanOrEqualTo(150);
        assertThat(paidAndHandedOver).as("paid handovers acknowledged before the cut").hasSizeGreaterThanOrEqualTo(50);

        try (ConfigurableApplicationContext again = station(
                "jdbc:h2:" + DurableStorage.SCHEME + ":" + db + settings, dir.resolve("data"))) {
            Parcels restarted = again.getBean(Parcels.class);
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            assertThat(checkedIn).as("every acknowledged check-in is there after the restart")
                    .allSatisfy(id -> assertThat(restarted.find(id)).isPresent());
            assertThat(paidAndHandedOver).as("every acknowledged cash payment and handover is there").allSatisfy(id -> {
                assertThat(restarted.find(id).orElseThrow().status()).isEqualTo(ParcelStatus.PICKED_UP);
                assertThat(jdbc.sql("""
                                SELECT COUNT(*) FROM payments_payment pay JOIN parcels_parcel p ON p.payment_id = pay.id
                                WHERE p.id = ? AND pay.amount_fen = 1250""")
                        .param(id).query(Integer.class).single()).isEqualTo(1);
                assertThat(jdbc.sql("""
                                SELECT COUNT(*) FROM payments_cash_movement m JOIN parcels_parcel p ON p.payment_id = m.payment_id
                                JOIN payments_cash_session s ON s.id = m.session_id WHERE p.id = ? AND m.amount_fen = 1250""")
                        .param(id).query(Integer.class).single()).as("its cash is in exactly one drawer session").isEqualTo(1);
            });
        }
    }
}

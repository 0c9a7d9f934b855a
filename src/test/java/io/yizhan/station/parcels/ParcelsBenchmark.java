package io.yizhan.station.parcels;

import io.yizhan.station.shared.DurableStorage;
import io.yizhan.station.support.BenchmarkFloor;
import io.yizhan.station.support.TestClockConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Parcels benchmark, not a test (Surefire does not pick it up by name): run
 * {@code ./mvnw -Pbench test -Dtest=ParcelsBenchmark}. On the station's H2 file database (WRITE_DELAY=0,
 * commits forced to the disk) with 200,000 parcels in history: check-in in the service from one
 * caller and from four at once (with process CPU and forced writes per check-in), lookups by code
 * and by phone tail; the forced-write floor of the same disk is printed before and after. Check-in
 * over HTTP is measured on the real jar by {@code StationHttpBenchmark}. Prints and writes
 * target/benchmarks/parcels.txt.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:durable:./target/bench-db/yizhan" + io.yizhan.station.shared.StationEnvironment.H2_SETTINGS,
        "yizhan.data-dir=target/bench-data"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ParcelsBenchmark {

    static final int HISTORY = 200_000;

    @Autowired
    Parcels parcels;
    @Autowired
    JdbcTemplate jdbc;

    private static String stats(long[] nanos) {
        Arrays.sort(nanos);
        return String.format("p50 %.2f ms, p99 %.2f ms (n=%d)", nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, nanos.length);
    }

    private void seedHistory() {
        int have = jdbc.queryForObject("SELECT COUNT(*) FROM parcels_parcel", Integer.class);
        List<Object[]> batch = new ArrayList<>();
        Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        for (int i = have; i < HISTORY; i++) {
            String phone = "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
            batch.add(new Object[] {UUID.randomUUID(), String.format("HIST%012d", i), "SF", phone, phone.substring(7), "SMALL",
                    false, 1 + i % 5, 1 + i % 5, "1-1-" + String.format("%04d", i % 10_000), "PICKED_UP", at, "bench", "bench"});
            if (batch.size() == 5_000) {
                insert(batch);
            }
        }
        insert(batch);
    }

    private void insert(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO parcels_parcel (id, waybill, courier, phone, phone_tail, size_class, cold, shelf, layer, pickup_code,
                                            status, checked_in_at, checked_in_by, terminal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
        batch.clear();
    }

    private void clearStore() {
        jdbc.update("UPDATE parcels_parcel SET status = 'PICKED_UP', active_code = NULL, active_waybill = NULL WHERE status = 'IN_STORE'");
        jdbc.update("UPDATE parcels_slot SET used = 0");
    }

    /** Process CPU, forced writes, allocation and GC pauses from its start to {@link #per}. */
    private record Meter(long cpu, long forces, long allocated, long gcs, long gcMillis) {

        static Meter start() {
            long gcs = 0;
            long gcMillis = 0;
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                gcs += Math.max(0, gc.getCollectionCount());
                gcMillis += Math.max(0, gc.getCollectionTime());
            }
            return new Meter(BenchmarkFloor.processCpuNanos(), DurableStorage.forces(),
                    ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes(),
                    gcs, gcMillis);
        }

        String per(int n) {
            Meter now = start();
            return String.format("; process CPU %.2f ms per check-in; %.2f forced writes per check-in; %.0f KiB allocated per check-in;"
                            + " %d GC pauses, %d ms in all", (now.cpu - cpu) / 1e6 / n, (double) (now.forces - forces) / n,
                    (now.allocated - allocated) / 1024.0 / n, now.gcs - gcs, now.gcMillis - gcMillis);
        }
    }

    private Parcel checkIn(String prefix, long i) {
        return parcels.checkIn(new CheckIn(String.format("%s%012d", prefix, System.nanoTime() % 1_000_000_000_000L + i),
                "139" + String.format("%08d", i % 100_000_000), null, null, false, null));
    }

    @Test
    void run() throws Exception {
        List<String> report = new ArrayList<>();
        report.add(BenchmarkFloor.describe(Path.of("target/bench-db")));
        long seedStart = System.nanoTime();
        seedHistory();
        clearStore();
        report.add(String.format("history: %d parcels (seeded in %.1f s)", HISTORY, (System.nanoTime() - seedStart) / 1e9));

        // warm-up: the JIT compiles the path before anything is measured
        for (int i = 0; i < 1_000; i++) {
            checkIn("SFW", i);
        }
        clearStore();

        // one caller: each check-in validates, takes a slot and a code, queues the label job and the events, and is forced to the disk
        int n = 2_000;
        long[] took = new long[n];
        Meter meter = Meter.start();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            checkIn("SFB", i);
            took[i] = System.nanoTime() - t;
        }
        double perSecond = n / ((System.nanoTime() - start) / 1e9);
        report.add("check-in in the service, 1 caller: " + stats(took) + String.format(", %.0f per second", perSecond)
                + meter.per(n));
        clearStore();

        // four callers at once: their commits share forced writes
        int perCaller = 500;
        long[] concurrent = new long[4 * perCaller];
        AtomicInteger slot = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        meter = Meter.start();
        start = System.nanoTime();
        List<Future<?>> callers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            callers.add(pool.submit(() -> {
                for (int i = 0; i < perCaller; i++) {
                    int k = slot.getAndIncrement();
                    long t = System.nanoTime();
                    checkIn("JTC", k);
                    concurrent[k] = System.nanoTime() - t;
                }
                return null;
            }));
        }
        for (Future<?> f : callers) {
            f.get();
        }
        pool.shutdown();
        perSecond = concurrent.length / ((System.nanoTime() - start) / 1e9);
        report.add("check-in in the service, 4 callers as fast as they can: " + stats(concurrent) + String.format(", %.0f per second", perSecond)
                + meter.per(concurrent.length));

        clearStore();

        // four callers at a steady 250 check-ins per second in all (the 200/s target with a margin): each call's
        // latency counts from when it was due, so a stall also counts against the calls that waited behind it
        double rate = 250;
        long period = (long) (4e9 / rate);
        long[] steady = new long[4 * perCaller];
        AtomicInteger steadySlot = new AtomicInteger();
        ExecutorService steadyPool = Executors.newFixedThreadPool(4);
        meter = Meter.start();
        long t0 = System.nanoTime() + 50_000_000L;
        start = t0;
        callers.clear();
        for (int c = 0; c < 4; c++) {
            long first = t0 + c * period / 4;
            callers.add(steadyPool.submit(() -> {
                for (int i = 0; i < perCaller; i++) {
                    long due = first + i * period;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    int k = steadySlot.getAndIncrement();
                    checkIn("YTS", k);
                    steady[k] = System.nanoTime() - due;
                }
                return null;
            }));
        }
        for (Future<?> f : callers) {
            f.get();
        }
        steadyPool.shutdown();
        perSecond = steady.length / ((System.nanoTime() - start) / 1e9);
        report.add(String.format("check-in in the service, 4 callers at a steady %.0f per second in all: ", rate) + stats(steady)
                + String.format(", %.0f per second achieved", perSecond)
                + meter.per(steady.length));

        // lookups among 200,000+ parcels
        List<Parcel> inStore = parcels.byStatus(ParcelStatus.IN_STORE, 2_000);
        int m = 10_000;
        long[] byCode = new long[m];
        long[] byTail = new long[m];
        for (int i = 0; i < m; i++) {
            Parcel p = inStore.get(i % inStore.size());
            long t = System.nanoTime();
            parcels.byCode(p.pickupCode());
            byCode[i] = System.nanoTime() - t;
            t = System.nanoTime();
            parcels.byPhoneTail(String.format("%04d", i % 10_000));
            byTail[i] = System.nanoTime() - t;
        }
        report.add("lookup by pickup code: " + stats(byCode));
        report.add("lookup by phone tail: " + stats(byTail));
        long[] counts = new long[2_000];
        for (int i = 0; i < counts.length; i++) {
            long t = System.nanoTime();
            parcels.stats();
            counts[i] = System.nanoTime() - t;
        }
        report.add("parcel counts by state (the stats API): " + stats(counts));
        clearStore();
        report.add(BenchmarkFloor.describe(Path.of("target/bench-db")) + " (again, after the run)");

        Files.createDirectories(Path.of("target/benchmarks"));
        Files.write(Path.of("target/benchmarks/parcels.txt"), report);
        report.forEach(line -> System.out.println("BENCHMARK " + line));
    }
}

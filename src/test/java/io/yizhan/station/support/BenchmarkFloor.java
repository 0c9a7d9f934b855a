package io.yizhan.station.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the machine gives in the same run as a benchmark, printed beside every figure because this
 * machine's speed drifts by 2× between days: the time of one forced write (4 KiB + fdatasync) on
 * the disk of the data directory, and process CPU time.
 */
public final class BenchmarkFloor {

    private BenchmarkFloor() {
    }

    /** Median and p99 of 200 forced 4 KiB writes in {@code dir}, in milliseconds. */
    public static double[] forcedWriteMillis(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("floor-" + ProcessHandle.current().pid() + ".bin");
        long[] took = new long[200];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            byte[] page = new byte[4096];
            for (int i = 0; i < took.length; i++) {
                ThreadLocalRandom.current().nextBytes(page);
                long t = System.nanoTime();
                ch.write(ByteBuffer.wrap(page), (long) (i % 64) * 4096);
                ch.force(false);
                took[i] = System.nanoTime() - t;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Arrays.sort(took);
        return new double[] {took[took.length / 2] / 1e6, took[(int) Math.ceil(took.length * 0.99) - 1] / 1e6};
    }

    /** One line: the forced-write floor on that disk. */
    public static String describe(Path dir) throws IOException {
        double[] f = forcedWriteMillis(dir);
        return String.format("floor: one forced 4 KiB write on %s: p50 %.2f ms, p99 %.2f ms; %d cores",
                dir.toAbsolutePath().normalize(), f[0], f[1], Runtime.getRuntime().availableProcessors());
    }

    /** CPU time of this JVM so far, in nanoseconds. */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of another process and its children so far (user + system, from /proc), in nanoseconds. */
    public static long processCpuNanos(long pid) throws IOException {
        long total = cpuOf(pid);
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(java.util.List.of())) {
            total += cpuOf(child.pid());
        }
        return total;
    }

    /** CPU time of the JIT compiler threads of a process and its children so far, in nanoseconds. */
    public static long compilerCpuNanos(long pid) throws IOException {
        long total = 0;
        List<Long> pids = new java.util.ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(c -> pids.add(c.pid())));
        for (long p : pids) {
            try (var tasks = Files.list(Path.of("/proc/" + p + "/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (Files.readString(task.resolve("comm")).startsWith("C2 CompilerThre")
                                || Files.readString(task.resolve("comm")).startsWith("C1 CompilerThre")) {
                            total += ticks(Files.readString(task.resolve("stat")));
                        }
                    } catch (IOException threadGone) {
                        // ended meanwhile
                    }
                }
            }
        }
        return total;
    }

    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }

    private static long cpuOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }
}

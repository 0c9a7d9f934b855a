package io.yizhan.station.shared;

import io.yizhan.station.shared.internal.DurableFilePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the station acknowledges is on stable storage before the answer. H2 writes a commit to the
 * operating system ({@code WRITE_DELAY=0}) but never forces it to the device, and may even return
 * from a commit before writing it. The database file is opened through the {@code durable:} file
 * system ({@link DurableFilePath}), which forces each of H2's writes before H2 goes on; every
 * connection writes its commit out ({@code CHECKPOINT}) and then checks here that everything
 * written so far is forced, failing the commit when a file died first. Commits that H2 stores
 * together share one forced write. See {@code docs/decisions/005-durable-commits.md}.
 */
public final class DurableStorage {

    /** The URL prefix that puts a database file under this file system: {@code jdbc:h2:durable:/path/db}. */
    public static final String SCHEME = "durable";

    private static final Set<DurableFilePath.Counted> FILES = ConcurrentHashMap.newKeySet();
    private static final AtomicLong WRITTEN = new AtomicLong();
    private static final AtomicLong FORCES = new AtomicLong();
    private static final Object LOCK = new Object();
    private static volatile long forcedUpTo;
    /** Writes after lostFrom up to lostUpTo may have died with a file before they were forced: commits that made them fail. */
    private static volatile long lostFrom;
    private static volatile long lostUpTo;
    private static boolean forcing;

    static {
        DurableFilePath.register();
    }

    private DurableStorage() {
    }

    /** Makes sure the {@code durable:} scheme is known to H2 before a URL names it. */
    public static void register() {
        // the static initialiser did it
    }

    /** An H2 URL for a file database under the durable file system. */
    public static String h2FileUrl(java.nio.file.Path file, String settings) {
        register();
        return "jdbc:h2:" + SCHEME + ":" + file.toAbsolutePath().normalize() + settings;
    }

    private static final ThreadLocal<Boolean> BATCHED = new ThreadLocal<>();

    /**
     * Runs background work whose many small commits need not each wait for the device (a print
     * queue pass that marks jobs printed): they are forced together, once, when the work ends —
     * still before anything is said about them.
     */
    public static void batched(Runnable work) {
        batched(() -> {
            work.run();
            return null;
        });
    }

    /** {@link #batched(Runnable)} for work that answers something (central's answer to a station's batch). */
    public static <T> T batched(java.util.function.Supplier<T> work) {
        if (BATCHED.get() != null) {
            return work.get();
        }
        BATCHED.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            BATCHED.remove();
            awaitForced();
        }
    }

    /** True inside {@link #batched}: commits do not wait for the device one by one. */
    public static boolean inBatch() {
        return BATCHED.get() != null;
    }

    private static void refuseIfLost(long target) {
        if (target > lostFrom && target <= lostUpTo) {
            throw new UncheckedIOException(new IOException("the database file died before this commit reached the device"));
        }
    }

    /** A database file opened for writing (called by the file system). */
    public static void opened(DurableFilePath.Counted file) {
        FILES.add(file);
    }

    public static void closed(DurableFilePath.Counted file) {
        FILES.remove(file);
    }

    /** Called after each write reached the operating system (so a force after this covers it). */
    public static void written() {
        WRITTEN.incrementAndGet();
    }

    /** True when something written has not been forced to the device yet. */
    public static boolean pending() {
        return forcedUpTo < WRITTEN.get();
    }

    /** Counts one forced write (called by the file system). */
    public static void forcedOne() {
        FORCES.incrementAndGet();
    }

    /** How many forced writes (fdatasync) the station has done; benchmarks report it per operation. */
    public static long forces() {
        return FORCES.get();
    }

    /**
     * Returns once every write made before this call is on the device: at once when it already is,
     * after another thread's force that covers it, or after forcing it here (and with it everything
     * the other waiting commits wrote).
     */
    public static void awaitForced() {
        long target = WRITTEN.get();
        refuseIfLost(target);
        if (forcedUpTo >= target) {
            return;
        }
        synchronized (LOCK) {
            while (forcing && forcedUpTo < target) {
                try {
                    LOCK.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new IOException("interrupted while forcing a commit to the device", e));
                }
            }
            refuseIfLost(target);
            if (forcedUpTo >= target) {
                return;
            }
            forcing = true;
        }
        long upTo = WRITTEN.get(); // every write counted so far has reached the OS, so this force covers it
        boolean done = false;
        try {
            IOException failed = null;
            for (DurableFilePath.Counted file : FILES) {
                try {
                    file.forceIfWritten();
                } catch (IOException e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                    if (file.gone()) {
                        // it will never be forced: every commit waiting for writes up to here fails rather than being
                        // acknowledged, and the dead file no longer stands in the way of later commits (of another
                        // database, or after a reopen), which count from past the lost writes
                        synchronized (LOCK) {
                            lostFrom = forcedUpTo;
                            lostUpTo = Math.max(lostUpTo, upTo);
                        }
                        FILES.remove(file);
                        WRITTEN.incrementAndGet();
                    }
                }
            }
            if (failed != null) {
                throw new UncheckedIOException("the commit could not be forced to the device", failed);
            }
            done = true;
        } finally {
            synchronized (LOCK) {
                forcing = false;
                if (done && upTo > forcedUpTo) {
                    forcedUpTo = upTo;
                }
                LOCK.notifyAll();
            }
        }
    }
}

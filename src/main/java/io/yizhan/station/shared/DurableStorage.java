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

    /** How this thread's commits reach the device: absent, one by one, each waiting for its forced write. */
    private enum Mode { BATCHED, DEFERRED }

    private static final ThreadLocal<Mode> MODE = new ThreadLocal<>();

    /**
     * Runs background work whose many small commits need not each wait for the device (central
     * storing a station's batch): they are forced together, once, when the work ends — still before
     * anything is said about them.
     */
    public static void batched(Runnable work) {
        batched(() -> {
            work.run();
            return null;
        });
    }

    /** {@link #batched(Runnable)} for work that answers something (central's answer to a station's batch). */
    public static <T> T batched(java.util.function.Supplier<T> work) {
        if (MODE.get() != null) {
            return work.get();
        }
        MODE.set(Mode.BATCHED);
        try {
            return work.get();
        } finally {
            MODE.remove();
            awaitForced();
        }
    }

    /**
     * Runs background bookkeeping that nobody is told about and that is safe to do again (a label
     * marked printed, events marked delivered to central): its writes are not forced one by one
     * but ride on the next commit's forced write, or on {@link #forceDeferred()} within a second.
     * After a power cut in between, the work is done again: a label printed twice, an event sent
     * twice (central ignores the repeat) — never an acknowledged change lost.
     */
    public static void deferred(Runnable work) {
        deferred(() -> {
            work.run();
            return null;
        });
    }

    /** {@link #deferred(Runnable)} for work that answers something, or may fail with a checked exception. */
    public static <T, E extends Exception> T deferred(Work<T, E> work) throws E {
        if (MODE.get() != null) {
            return work.run();
        }
        MODE.set(Mode.DEFERRED);
        try {
            return work.run();
        } finally {
            MODE.remove();
        }
    }

    /** Work run by {@link #deferred(Work)}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** True inside {@link #batched} or {@link #deferred}: commits do not wait for the device one by one. */
    public static boolean inBatch() {
        return MODE.get() != null;
    }

    /** True inside {@link #deferred}: this thread's writes are left for a later force (called by the file system). */
    public static boolean deferring() {
        return MODE.get() == Mode.DEFERRED;
    }

    /** Forces what deferred work wrote, if no commit has done so since; run every second by the station. */
    public static void forceDeferred() {
        if (pending()) {
            awaitForced();
        }
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

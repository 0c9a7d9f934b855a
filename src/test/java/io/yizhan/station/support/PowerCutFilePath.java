package io.yizhan.station.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code powercut:} URLs) that behaves like a disk whose cache is lost when the
 * power goes: a write to a database file reaches the real file only when the file is forced to the
 * device; until then it lives in a page cache of its own (reads see it, as they would see the
 * operating system's cache). {@link #cutPower()} throws that cache away and kills every open file,
 * so afterwards the real file holds exactly what was forced before the cut.
 */
public class PowerCutFilePath extends FilePathWrapper {

    /** The operating system's cache of each database file: it outlives the file's channels, not the power. */
    private static final Map<String, FileCache> CACHES = new ConcurrentHashMap<>();
    private static final Set<Cached> CHANNELS = ConcurrentHashMap.newKeySet();
    private static volatile boolean registered;

    public static void register() {
        if (!registered) {
            synchronized (PowerCutFilePath.class) {
                if (!registered) {
                    FilePath.register(new PowerCutFilePath());
                    registered = true;
                }
            }
        }
    }

    /** Databases whose machine lost its power: the dead process can no longer touch their files. */
    private static final Set<String> DEAD = ConcurrentHashMap.newKeySet();

    /** The power goes: what was not forced is gone, and every open database file is dead. */
    public static void cutPower() throws IOException {
        for (Map.Entry<String, FileCache> e : CACHES.entrySet()) {
            DEAD.add(e.getKey().substring(0, e.getKey().length() - ".mv.db".length()));
            e.getValue().cut();
        }
        CACHES.clear();
        for (Cached channel : CHANNELS) {
            channel.close(); // the machine is gone: nothing holds these files open any more
        }
        CHANNELS.clear();
        try {
            // the dead machine's last word: what waited for the device fails, and its files are let go of
            io.yizhan.station.shared.DurableStorage.awaitForced();
        } catch (java.io.UncheckedIOException expected) {
            // nothing could be forced: the power is off
        }
    }

    @Override
    public String getScheme() {
        return "powercut";
    }

    private void alive() throws IOException {
        for (String dead : DEAD) {
            if (name.startsWith(dead)) {
                throw new IOException("the power is off: " + name);
            }
        }
    }

    @Override
    public void moveTo(FilePath newName, boolean atomicReplace) {
        try {
            alive();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        super.moveTo(newName, atomicReplace);
    }

    @Override
    public void delete() {
        try {
            alive();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        super.delete();
    }

    @Override
    public java.io.OutputStream newOutputStream(boolean append) throws IOException {
        alive();
        return super.newOutputStream(append);
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (mode.contains("w")) {
            alive(); // a process that lost its power opens nothing for writing any more
        }
        FileChannel file = getBase().open(mode);
        if (mode.contains("w") && name.endsWith(".mv.db")) {
            FileCache cache = CACHES.computeIfAbsent(name, n -> new FileCache(file));
            if (cache.disk != file) {
                file.close(); // the file is already cached: this channel reads and writes through that cache
            }
            Cached channel = new Cached(cache);
            CHANNELS.add(channel);
            return channel;
        }
        return file;
    }

    /** A file's pages written but not yet forced, and its size as programs see it. */
    static final class FileCache {

        private static final int PAGE = 4096;
        final FileChannel disk;
        private final Map<Long, byte[]> dirty = new TreeMap<>();
        private long size;
        /** What of the real file programs may still see: a truncation hides the rest, even before it is forced. */
        private long valid;
        private boolean dead;

        FileCache(FileChannel disk) {
            this.disk = disk;
            try {
                this.size = disk.size();
                this.valid = size;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        synchronized void cut() throws IOException {
            dead = true;
            dirty.clear();
            disk.close(); // also lets go of H2's file lock, as a dead machine would
        }

        private void alive() throws IOException {
            if (dead) {
                throw new IOException("the power is off");
            }
        }

        private byte[] page(long index) throws IOException {
            byte[] page = dirty.get(index);
            if (page != null) {
                return page;
            }
            page = new byte[PAGE];
            long at = index * PAGE;
            ByteBuffer buf = ByteBuffer.wrap(page, 0, (int) Math.max(0, Math.min(PAGE, valid - at)));
            while (buf.hasRemaining()) {
                int n = disk.read(buf, at + buf.position());
                if (n < 0) {
                    break; // past the end of the real file: zeros
                }
            }
            return page;
        }

        synchronized int read(ByteBuffer dst, long pos) throws IOException {
            alive();
            if (pos >= size) {
                return -1;
            }
            int len = (int) Math.min(dst.remaining(), size - pos);
            int done = 0;
            while (done < len) {
                long at = pos + done;
                byte[] page = page(at / PAGE);
                int offset = (int) (at % PAGE);
                int n = Math.min(len - done, PAGE - offset);
                dst.put(page, offset, n);
                done += n;
            }
            return len;
        }

        synchronized int write(ByteBuffer src, long pos) throws IOException {
            alive();
            int len = src.remaining();
            int done = 0;
            while (done < len) {
                long at = pos + done;
                long index = at / PAGE;
                byte[] page = page(index);
                int offset = (int) (at % PAGE);
                int n = Math.min(len - done, PAGE - offset);
                src.get(page, offset, n);
                dirty.put(index, page);
                done += n;
            }
            size = Math.max(size, pos + len);
            return len;
        }

        synchronized long size() throws IOException {
            alive();
            return size;
        }

        synchronized void truncate(long newSize) throws IOException {
            alive();
            valid = Math.min(valid, newSize);
            if (newSize < size) {
                size = newSize;
                dirty.keySet().removeIf(index -> index * PAGE >= newSize);
                byte[] last = dirty.get(newSize / PAGE);
                if (last != null) {
                    java.util.Arrays.fill(last, (int) (newSize % PAGE), PAGE, (byte) 0);
                }
            }
        }

        synchronized void force(boolean metaData) throws IOException {
            alive();
            for (Map.Entry<Long, byte[]> e : dirty.entrySet()) {
                long at = e.getKey() * PAGE;
                int n = (int) Math.min(PAGE, size - at);
                if (n > 0) {
                    ByteBuffer buf = ByteBuffer.wrap(e.getValue(), 0, n);
                    while (buf.hasRemaining()) {
                        disk.write(buf, at + buf.position());
                    }
                }
            }
            dirty.clear();
            if (disk.size() > size) {
                disk.truncate(size);
            }
            disk.force(metaData);
            valid = size;
        }
    }

    /** One channel on a cached file; closing it keeps the cache (the OS would), releasing its locks. */
    static final class Cached extends FileBase {

        private final FileCache cache;
        private final Set<FileLock> locks = ConcurrentHashMap.newKeySet();
        private long position;

        Cached(FileCache cache) {
            this.cache = cache;
        }

        @Override
        public int read(ByteBuffer dst, long pos) throws IOException {
            return cache.read(dst, pos);
        }

        @Override
        public int write(ByteBuffer src, long pos) throws IOException {
            return cache.write(src, pos);
        }

        @Override
        public synchronized int read(ByteBuffer dst) throws IOException {
            int n = cache.read(dst, position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public synchronized int write(ByteBuffer src) throws IOException {
            int n = cache.write(src, position);
            position += n;
            return n;
        }

        @Override
        public synchronized long position() {
            return position;
        }

        @Override
        public synchronized FileChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() throws IOException {
            return cache.size();
        }

        @Override
        public FileChannel truncate(long newSize) throws IOException {
            cache.truncate(newSize);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            cache.force(metaData);
        }

        @Override
        public FileLock tryLock(long pos, long len, boolean shared) throws IOException {
            FileLock lock = cache.disk.tryLock(pos, len, shared);
            if (lock != null) {
                locks.add(lock);
            }
            return lock;
        }

        @Override
        public FileLock lock(long pos, long len, boolean shared) throws IOException {
            FileLock lock = cache.disk.lock(pos, len, shared);
            locks.add(lock);
            return lock;
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long pos, long len) throws IOException {
            throw new IOException("not mapped");
        }

        @Override
        protected void implCloseChannel() throws IOException {
            CHANNELS.remove(this);
            for (FileLock lock : locks) {
                if (lock.isValid()) {
                    lock.release();
                }
            }
        }
    }
}

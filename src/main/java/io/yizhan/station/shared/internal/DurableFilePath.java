package io.yizhan.station.shared.internal;

import io.yizhan.station.shared.DurableStorage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system under {@code durable:} URLs: the underlying file system (the disk, or a test's
 * power-cut simulator) with every write to a database file counted for {@link DurableStorage}, and
 * the file registered so that commits can force it to the device.
 */
public class DurableFilePath extends FilePathWrapper {

    private static final DurableFilePath INSTANCE = new DurableFilePath();
    private static volatile boolean registered;

    public static void register() {
        if (!registered) {
            synchronized (DurableFilePath.class) {
                if (!registered) {
                    FilePath.register(INSTANCE);
                    registered = true;
                }
            }
        }
    }

    @Override
    public String getScheme() {
        return DurableStorage.SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel file = getBase().open(mode);
        if (mode.contains("w") && name.endsWith(".mv.db")) {
            return new Counted(file);
        }
        return file;
    }

    /** A database file whose writes are counted and which is forced on behalf of commits. */
    public static final class Counted extends FileBase {

        private final FileChannel base;
        private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        private volatile long forced;

        Counted(FileChannel base) {
            this.base = base;
            DurableStorage.opened(this);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = base.write(src);
            written();
            return n;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            int n = base.write(src, position);
            written();
            return n;
        }

        /**
         * Every write H2 makes reaches the device before H2 goes on (it writes under its store lock),
         * so the file on the device is always a prefix of H2's own write sequence — what a crash
         * leaves, which H2 recovers from. A force from outside, between two writes of one store,
         * could leave a state H2 never wrote in that order.
         */
        private void written() throws IOException {
            long upTo = written.incrementAndGet();
            base.force(false);
            forced = Math.max(forced, upTo);
            DurableStorage.forcedOne();
            DurableStorage.written();
        }

        /** Forces this file to the device if it was written since its last force; throws when it cannot (a dead file). */
        public void forceIfWritten() throws IOException {
            long upTo = written.get();
            if (upTo > forced) {
                base.force(false);
                forced = upTo;
                DurableStorage.forcedOne();
            }
        }

        /** True when the file can never be forced again (the database let go of it, or it died). */
        public boolean gone() {
            return !base.isOpen();
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            written();
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            long upTo = written.get(); // H2's own force (at a clean shutdown, when compacting) counts too
            base.force(metaData);
            forced = Math.max(forced, upTo);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return base.lock(position, size, shared);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return base.map(mode, position, size);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
            if (written.get() <= forced) {
                DurableStorage.closed(this); // everything written is on the device: nothing to wait for
            }
            // else it stays: a commit waiting for its writes must learn that they can no longer be forced
        }

        @Override
        public String toString() {
            return "durable:" + base;
        }
    }
}

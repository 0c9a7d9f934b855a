package io.yizhan.station.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network ESC/POS printer on loopback: answers {@code DLE EOT 2} (cover) and {@code DLE EOT 4}
 * (paper) from settable flags and keeps every job's bytes (without the status queries).
 */
public final class EscPosPrinterSimulator implements AutoCloseable {

    private final ServerSocket server;
    private final List<byte[]> jobs = new CopyOnWriteArrayList<>();
    private volatile boolean paperOut;
    private volatile boolean coverOpen;

    public EscPosPrinterSimulator(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        server.setReuseAddress(true);
        Thread.ofPlatform().daemon().start(this::serve);
    }

    public void paperOut(boolean out) {
        this.paperOut = out;
    }

    public void coverOpen(boolean open) {
        this.coverOpen = open;
    }

    public List<byte[]> jobs() {
        return jobs;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                ByteArrayOutputStream job = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    if (b == 0x10) {
                        int eot = in.read();
                        int n = in.read();
                        if (eot == 0x04) {
                            out.write(n == 2 ? (coverOpen ? 0x16 : 0x12) : (paperOut ? 0x72 : 0x12));
                            out.flush();
                            continue;
                        }
                        job.write(b);
                        job.write(eot);
                        job.write(n);
                    } else {
                        job.write(b);
                    }
                }
                if (job.size() > 0) {
                    jobs.add(job.toByteArray());
                }
            } catch (IOException closed) {
                // next connection, or the simulator was closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

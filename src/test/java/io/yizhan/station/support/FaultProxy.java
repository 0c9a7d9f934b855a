package io.yizhan.station.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that breaks the link between a station and central on purpose. Each
 * connection gets one fate (faults in turn, so each kind happens): passed through (and cut after a while, so connections keep being
 * made), reset at once, delayed, its answer truncated after central has acted, or its answer
 * replaced by garbage after central has acted.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Fate { PASS, RESET, DELAY, TRUNCATE, GARBAGE }

    private final ServerSocket server;
    private final int target;
    private final Random random;
    private final double faultShare;
    private final AtomicInteger[] counts = new AtomicInteger[Fate.values().length];
    private volatile boolean open = true;
    private int nextFault;

    /** @param faultShare how many connections (0–1) get a fault instead of passing through */
    public FaultProxy(int targetPort, double faultShare, long seed) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = targetPort;
        this.random = new Random(seed);
        this.faultShare = faultShare;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new AtomicInteger();
        }
        Thread.ofPlatform().daemon().name("fault-proxy").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public int count(Fate fate) {
        return counts[fate.ordinal()].get();
    }

    private synchronized Fate fate() {
        if (random.nextDouble() >= faultShare) {
            return Fate.PASS;
        }
        Fate[] faults = {Fate.RESET, Fate.DELAY, Fate.TRUNCATE, Fate.GARBAGE};
        return faults[nextFault++ % faults.length];
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Fate fate = fate();
                counts[fate.ordinal()].incrementAndGet();
                Thread.ofPlatform().daemon().start(() -> handle(client, fate));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client, Fate fate) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
            switch (fate) {
                case RESET -> {
                    client.setSoLinger(true, 0);
                    return;
                }
                case DELAY -> Thread.sleep(500 + random.nextInt(2500));
                default -> {
                }
            }
            client.setSoTimeout(10_000);
            upstream.setSoTimeout(10_000);
            Thread up = Thread.ofPlatform().daemon().start(() -> pipe(client, upstream, Long.MAX_VALUE));
            switch (fate) {
                case TRUNCATE -> {
                    pipeOneAnswer(upstream, client, true);
                    client.setSoLinger(true, 0);
                }
                case GARBAGE -> {
                    pipeOneAnswer(upstream, null, false);
                    OutputStream out = client.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"result\"".getBytes(
                            StandardCharsets.US_ASCII));
                    out.flush();
                }
                default -> {
                    // a passing connection lives briefly after its first answer, so new ones keep being made
                    upstream.setSoTimeout(200);
                    pipeBriefly(upstream, client);
                }
            }
            up.interrupt();
        } catch (Exception broken) {
            // the fault, or the other side going away
        }
    }

    /** Reads central's whole answer to the first request; forwards half of it, or nothing. */
    private void pipeOneAnswer(Socket upstream, Socket client, boolean half) throws IOException {
        InputStream in = upstream.getInputStream();
        byte[] buffer = new byte[65536];
        int n = in.read(buffer);
        if (n > 0 && half && client != null) {
            client.getOutputStream().write(buffer, 0, Math.max(1, n / 2));
            client.getOutputStream().flush();
        }
    }

    private static void pipeBriefly(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16384];
            long firstByte = 0;
            while (firstByte == 0 || System.nanoTime() - firstByte < 300_000_000L) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (java.net.SocketTimeoutException quiet) {
                    if (firstByte == 0) {
                        continue;
                    }
                    return;
                }
                if (n < 0) {
                    return;
                }
                if (firstByte == 0) {
                    firstByte = System.nanoTime();
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException done) {
            // closed
        }
    }

    private static void pipe(Socket from, Socket to, long limit) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16384];
            long total = 0;
            int n;
            while (total < limit && (n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
                total += n;
            }
        } catch (IOException done) {
            // closed or timed out
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}

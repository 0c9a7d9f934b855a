package io.yizhan.station.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between a station and central whose fate the test sets: {@code PASS}
 * (through), {@code DOWN} (nothing listens: the connection is refused, so no request can have
 * arrived) or {@code LOSE_ANSWERS} (each request reaches central and central acts on it, but its
 * answer is thrown away and the connection reset). Changing the mode cuts every open connection.
 */
public final class CentralSwitch implements AutoCloseable {

    public enum Mode { PASS, DOWN, LOSE_ANSWERS }

    private final int port;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;
    private volatile ServerSocket server;
    // every change of mode and every new connection hold this object's lock, so no connection slips past a change

    public CentralSwitch(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
    }

    public int port() {
        return port;
    }

    public synchronized void set(Mode next) throws IOException {
        if (next == mode) {
            return;
        }
        for (Socket s : open) {
            s.close();
        }
        open.clear();
        if (next == Mode.DOWN) {
            server.close();
        } else if (mode == Mode.DOWN) {
            server = listen(port);
        }
        mode = next;
    }

    private ServerSocket listen(int at) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), at), 50);
        ServerSocket listening = s;
        Thread.ofPlatform().daemon().name("central-switch").start(() -> accept(listening));
        return s;
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Mode fate;
                synchronized (this) {
                    // a connection accepted while set() ran belongs to the old mode: it is cut like the others
                    if (listening != server || listening.isClosed() || mode == Mode.DOWN) {
                        client.close();
                        continue;
                    }
                    open.add(client);
                    fate = mode;
                }
                Thread.ofPlatform().daemon().start(() -> handle(client, fate));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client, Mode fate) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
            synchronized (this) {
                if (!open.contains(client)) {
                    return; // cut by set() before it reached central
                }
                open.add(upstream);
            }
            Thread up = Thread.ofPlatform().daemon().start(() -> pipe(client, upstream));
            if (fate == Mode.LOSE_ANSWERS) {
                // central's answer arrives and is dropped; the station sees its connection reset
                if (upstream.getInputStream().read(new byte[65536]) > 0) {
                    client.setSoLinger(true, 0);
                }
            } else {
                pipe(upstream, client);
            }
            up.interrupt();
        } catch (IOException gone) {
            // a cut connection, or one side went away
        } finally {
            open.remove(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException done) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}

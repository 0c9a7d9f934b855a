package io.yizhan.station.devices.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import io.yizhan.station.devices.Reason;
import java.util.UUID;

/**
 * A network printer on a raw TCP port (9100). When the profile answers ESC/POS {@code DLE EOT},
 * paper and cover are checked before every job, so a job is never sent into a printer that would
 * swallow it.
 */
final class TcpPrinterLink implements PrinterLink {

    static final int CONNECT_TIMEOUT_MS = 2000;
    static final int READ_TIMEOUT_MS = 1500;

    private final String host;
    private final int port;
    private final boolean statusQuery;

    TcpPrinterLink(String host, int port, boolean statusQuery) {
        this.host = host;
        this.port = port;
        this.statusQuery = statusQuery;
    }

    @Override
    public void send(UUID jobId, byte[] payload) throws IOException {
        try (Socket socket = connect()) {
            if (statusQuery) {
                checkStatus(socket);
            }
            OutputStream out = socket.getOutputStream();
            out.write(payload);
            out.flush();
            socket.shutdownOutput();
        }
    }

    @Override
    public void probe() throws IOException {
        try (Socket socket = connect()) {
            if (statusQuery) {
                checkStatus(socket);
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw new IOException("no answer from " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    /** DLE EOT 2 (offline causes: bit 2 cover open) and DLE EOT 4 (paper: bits 5 and 6 paper end). */
    private static void checkStatus(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(EscPosEncoder.STATUS_OFFLINE);
        out.flush();
        int offline = in.read();
        out.write(EscPosEncoder.STATUS_PAPER);
        out.flush();
        int paper = in.read();
        if (offline < 0 || paper < 0) {
            throw new IOException("printer closed the connection during the status check");
        }
        if ((offline & 0x04) != 0) {
            throw new PrinterNotReadyException("devices.detail.cover-open");
        }
        if ((paper & 0x60) != 0) {
            throw new PrinterNotReadyException("devices.detail.paper-out");
        }
    }

    @Override
    public Reason describe() {
        return Reason.of("devices.detail.tcp", host + ":" + port);
    }
}

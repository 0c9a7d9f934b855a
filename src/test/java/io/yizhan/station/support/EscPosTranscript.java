package io.yizhan.station.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ESC/POS as a printer would and writes down what it would do, one line per action:
 * {@code INIT, CHINESE, ALIGN CENTER, BOLD ON, SIZE 3x3, TEXT 取件码, BARCODE SF…, QR …, RASTER 16x2,
 * FEED 2, CUT}. Unknown commands become {@code UNKNOWN 1b xx}, so tests notice them.
 */
public final class EscPosTranscript {

    private EscPosTranscript() {
    }

    public static List<String> of(byte[] data, Charset charset) {
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            int b = data[i] & 0xFF;
            if (b == 0x0A) {
                if (text.size() > 0) {
                    out.add("TEXT " + text.toString(charset));
                    text.reset();
                }
                i++;
            } else if (b == 0x1B || b == 0x1C || b == 0x1D) {
                if (text.size() > 0) {
                    out.add("TEXT " + text.toString(charset));
                    text.reset();
                }
                i = command(data, i, out);
            } else {
                text.write(b);
                i++;
            }
        }
        if (text.size() > 0) {
            out.add("TEXT " + text.toString(charset));
        }
        return out;
    }

    /**
     * What the printer would put on paper, as a PNG: the transcript read back into a document
     * (text with its size and alignment, barcodes, QR codes) and drawn at the paper width.
     */
    public static byte[] png(List<String> transcript, io.yizhan.station.devices.Paper paper) {
        var doc = io.yizhan.station.devices.PrintDocument.builder("transcript");
        String align = "LEFT";
        int size = 1;
        boolean bold = false;
        for (String line : transcript) {
            String arg = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
            if (line.startsWith("ALIGN ")) {
                align = arg;
                switch (align) {
                    case "CENTER" -> doc.center();
                    case "RIGHT" -> doc.right();
                    default -> doc.left();
                }
            } else if (line.startsWith("SIZE ")) {
                size = Integer.parseInt(arg.substring(0, arg.indexOf('x')));
            } else if (line.startsWith("BOLD ")) {
                bold = arg.equals("ON");
            } else if (line.startsWith("TEXT ")) {
                if (size >= 3) {
                    doc.huge(arg);
                } else if (size == 2) {
                    doc.large(arg);
                } else if (bold) {
                    doc.bold(arg);
                } else {
                    doc.text(arg);
                }
            } else if (line.startsWith("BARCODE ")) {
                doc.barcode(arg, 10);
            } else if (line.startsWith("QR ")) {
                doc.qr(arg, 20);
            } else if (line.startsWith("FEED ")) {
                doc.feed(Integer.parseInt(arg));
            }
        }
        return io.yizhan.station.devices.internal.PngRenderer.png(doc.build(), paper);
    }

    private static int command(byte[] d, int i, List<String> out) {
        int a = d[i] & 0xFF;
        int c = d[i + 1] & 0xFF;
        if (a == 0x1B && c == '@') {
            out.add("INIT");
            return i + 2;
        }
        if (a == 0x1C && c == '&') {
            out.add("CHINESE");
            return i + 2;
        }
        if (a == 0x1B && c == 'a') {
            out.add("ALIGN " + List.of("LEFT", "CENTER", "RIGHT").get(d[i + 2]));
            return i + 3;
        }
        if (a == 0x1B && c == 'E') {
            out.add(d[i + 2] == 0 ? "BOLD OFF" : "BOLD ON");
            return i + 3;
        }
        if (a == 0x1B && c == 'd') {
            out.add("FEED " + d[i + 2]);
            return i + 3;
        }
        if (a == 0x1D && c == '!') {
            int n = d[i + 2];
            out.add("SIZE " + (((n >> 4) & 7) + 1) + "x" + ((n & 7) + 1));
            return i + 3;
        }
        if (a == 0x1D && (c == 'h' || c == 'w' || c == 'H')) {
            return i + 3; // barcode height, module width, digits position: settings
        }
        if (a == 0x1D && c == 'k') {
            int len = d[i + 3] & 0xFF;
            String data = new String(d, i + 4, len, StandardCharsets.US_ASCII);
            out.add("BARCODE " + (data.startsWith("{B") ? data.substring(2) : data));
            return i + 4 + len;
        }
        if (a == 0x1D && c == '(' && d[i + 2] == 'k') {
            int len = (d[i + 3] & 0xFF) | (d[i + 4] & 0xFF) << 8;
            int fn = d[i + 6];
            if (fn == 80) {
                out.add("QR " + new String(d, i + 8, len - 3, StandardCharsets.UTF_8));
            }
            return i + 5 + len;
        }
        if (a == 0x1D && c == 'v' && d[i + 2] == '0') {
            int x = (d[i + 4] & 0xFF) | (d[i + 5] & 0xFF) << 8;
            int y = (d[i + 6] & 0xFF) | (d[i + 7] & 0xFF) << 8;
            out.add("RASTER " + (x * 8) + "x" + y);
            return i + 8 + x * y;
        }
        if (a == 0x1D && c == 'V') {
            out.add("CUT");
            return i + 4;
        }
        out.add(String.format("UNKNOWN %02x %02x", a, c));
        return i + 2;
    }
}

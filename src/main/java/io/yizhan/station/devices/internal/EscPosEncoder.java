package io.yizhan.station.devices.internal;

import io.yizhan.station.devices.Paper;
import io.yizhan.station.devices.PrintDocument;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/**
 * ESC/POS for thermal receipt printers: initialise, Chinese mode, text in the profile's encoding
 * (GB18030), bold and enlarged characters, alignment, native Code 128 and QR codes, and a cut.
 */
public final class EscPosEncoder {

    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte FS = 0x1C;
    static final byte LF = 0x0A;

    /** {@code DLE EOT n}: real-time status; n = 2 offline causes (cover), 4 paper sensor. */
    public static final byte[] STATUS_OFFLINE = {0x10, 0x04, 0x02};
    public static final byte[] STATUS_PAPER = {0x10, 0x04, 0x04};

    private final Charset charset;
    private final boolean cashDrawer;

    public EscPosEncoder(Charset charset) {
        this(charset, false);
    }

    /** @param cashDrawer the printer has a cash drawer on its drawer port (the profile's {@code cash-drawer}) */
    public EscPosEncoder(Charset charset, boolean cashDrawer) {
        this.charset = charset;
        this.cashDrawer = cashDrawer;
    }

    public byte[] encode(PrintDocument document, Paper paper) {
        Bytes out = new Bytes();
        out.add(ESC, '@');                 // initialise
        out.add(FS, '&');                  // Chinese character mode
        int charsPerLine = paper.widthDots() / 12;
        for (PrintDocument.Block block : document.blocks()) {
            switch (block) {
                case PrintDocument.Text t -> {
                    align(out, t.align());
                    out.add(ESC, 'E', t.bold() ? 1 : 0);
                    int f = t.size().factor() - 1;
                    out.add(GS, '!', (f << 4) | f);       // width and height multiplier
                    out.add(t.text().getBytes(charset));
                    out.add(LF);
                    out.add(GS, '!', 0);
                    out.add(ESC, 'E', 0);
                }
                case PrintDocument.Barcode b -> {
                    align(out, b.align());
                    out.add(GS, 'h', Math.min(255, paper.dots(b.heightMm())));
                    out.add(GS, 'w', 2);
                    out.add(GS, 'H', 2);                  // digits below the bars
                    byte[] data = ("{B" + b.data()).getBytes(charset);
                    out.add(GS, 'k', 73, data.length);
                    out.add(data);
                    out.add(LF);
                }
                case PrintDocument.QrCode q -> {
                    align(out, q.align());
                    byte[] data = q.data().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    int modules = DocumentLayout.qr(q.data()).getWidth();
                    int size = Math.max(1, Math.min(16, paper.dots(q.sizeMm()) / modules));
                    out.add(GS, '(', 'k', 4, 0, 49, 65, 50, 0);   // model 2
                    out.add(GS, '(', 'k', 3, 0, 49, 67, size);    // module size
                    out.add(GS, '(', 'k', 3, 0, 49, 69, 49);      // error correction M
                    int len = data.length + 3;
                    out.add(GS, '(', 'k', len & 0xFF, len >> 8, 49, 80, 48);
                    out.add(data);
                    out.add(GS, '(', 'k', 3, 0, 49, 81, 48);      // print
                    out.add(LF);
                }
                case PrintDocument.Image img -> {
                    align(out, img.align());
                    var bits = DocumentLayout.raster(img.png(), Math.min(paper.dots(img.widthMm()), paper.widthDots()));
                    int rowBytes = (bits.getWidth() + 7) / 8;
                    out.add(GS, 'v', '0', 0, rowBytes & 0xFF, rowBytes >> 8, bits.getHeight() & 0xFF, bits.getHeight() >> 8);
                    out.add(DocumentLayout.packed(bits, true));
                    out.add(LF);
                }
                case PrintDocument.Rule r -> {
                    align(out, PrintDocument.Align.LEFT);
                    out.add("-".repeat(charsPerLine).getBytes(charset));
                    out.add(LF);
                }
                case PrintDocument.Feed f -> out.add(ESC, 'd', Math.min(255, f.lines()));
                case PrintDocument.DrawerKick k -> {
                    if (cashDrawer) {
                        out.add(ESC, 'p', 0, 25, 250); // pulse pin 2: 50 ms on, 500 ms off
                    }
                }
            }
        }
        align(out, PrintDocument.Align.LEFT);
        out.add(GS, 'V', 66, 3);           // feed 3 lines and cut
        return out.toByteArray();
    }

    private static void align(Bytes out, PrintDocument.Align align) {
        out.add(ESC, 'a', align.ordinal());
    }

    /** A tiny byte builder: ints are bytes. */
    static final class Bytes extends ByteArrayOutputStream {
        Bytes add(int... values) {
            for (int v : values) {
                write(v);
            }
            return this;
        }

        Bytes add(byte[] data) {
            write(data, 0, data.length);
            return this;
        }
    }
}

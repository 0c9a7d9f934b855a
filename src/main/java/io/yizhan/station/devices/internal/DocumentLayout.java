package io.yizhan.station.devices.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.yizhan.station.devices.Paper;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.devices.PrintDocument.Align;
import io.yizhan.station.devices.PrintDocument.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Places a document's blocks on a paper, in printer dots: the one layout that the label encoders
 * (absolute positions) and the PNG renderer share. Text wraps at the paper width; characters are
 * 12 × 24 dots (CJK 24 × 24) times the size factor, as on thermal printers' built-in fonts.
 */
public final class DocumentLayout {

    static final int CHAR_HEIGHT = 24;
    static final int LINE_GAP = 6;
    static final int MARGIN = 8;

    /** A block (or one line of a text block) at its place. */
    public record Placed(Block block, String line, int x, int y, int width, int height, int module, BitMatrix matrix) {
    }

    public record Result(List<Placed> items, int heightDots) {
    }

    private DocumentLayout() {
    }

    public static Result lay(PrintDocument document, Paper paper) {
        List<Placed> out = new ArrayList<>();
        int usable = paper.widthDots() - 2 * MARGIN;
        int y = MARGIN;
        for (Block block : document.blocks()) {
            switch (block) {
                case PrintDocument.Text t -> {
                    int factor = t.size().factor();
                    for (String line : wrap(t.text(), usable, factor)) {
                        int w = textWidth(line, factor);
                        int h = CHAR_HEIGHT * factor;
                        out.add(new Placed(t, line, x(t.align(), w, paper), y, w, h, 0, null));
                        y += h + LINE_GAP;
                    }
                }
                case PrintDocument.Barcode b -> {
                    BitMatrix m = code128(b.data());
                    int module = Math.max(1, Math.min(3, usable / (m.getWidth() + 20))); // 10-module quiet zones
                    int w = m.getWidth() * module;
                    int h = paper.dots(b.heightMm());
                    int quiet = 10 * module;
                    int x = Math.min(Math.max(x(b.align(), w, paper), quiet), Math.max(0, paper.widthDots() - quiet - w));
                    out.add(new Placed(b, b.data(), x, y, w, h, module, m));
                    y += h + CHAR_HEIGHT + LINE_GAP * 2; // digits printed under the bars
                }
                case PrintDocument.QrCode q -> {
                    BitMatrix m = qr(q.data());
                    int target = Math.min(paper.dots(q.sizeMm()), usable);
                    int module = Math.max(1, target / (m.getWidth() + 8));
                    int w = m.getWidth() * module;
                    y += 4 * module; // quiet zone, so scanners find the code
                    out.add(new Placed(q, q.data(), x(q.align(), w, paper), y, w, w, module, m));
                    y += w + 4 * module;
                }
                case PrintDocument.Image img -> {
                    BitMatrix m = raster(img.png(), Math.min(paper.dots(img.widthMm()), usable));
                    out.add(new Placed(img, "", x(img.align(), m.getWidth(), paper), y, m.getWidth(), m.getHeight(), 1, m));
                    y += m.getHeight() + LINE_GAP;
                }
                case PrintDocument.Rule r -> {
                    out.add(new Placed(r, "", MARGIN, y + 4, usable, 3, 0, null));
                    y += 3 + 8 + LINE_GAP;
                }
                case PrintDocument.Feed f -> y += f.lines() * (CHAR_HEIGHT + LINE_GAP);
                case PrintDocument.DrawerKick k -> { }
            }
        }
        int height = paper.continuous() ? y + MARGIN : paper.heightDots();
        return new Result(out, height);
    }

    static boolean wide(int codePoint) {
        return codePoint > 0x2E7F;
    }

    static int textWidth(String text, int factor) {
        return text.codePoints().map(c -> wide(c) ? 24 : 12).sum() * factor;
    }

    static List<String> wrap(String text, int width, int factor) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (int c : text.codePoints().toArray()) {
            int w = (wide(c) ? 24 : 12) * factor;
            if (c == '\n' || (used + w > width && !line.isEmpty())) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
                if (c == '\n') {
                    continue;
                }
            }
            line.appendCodePoint(c);
            used += w;
        }
        lines.add(line.toString());
        return lines;
    }

    private static int x(Align align, int width, Paper paper) {
        return switch (align) {
            case LEFT -> MARGIN;
            case CENTER -> Math.max(0, (paper.widthDots() - width) / 2);
            case RIGHT -> Math.max(0, paper.widthDots() - MARGIN - width);
        };
    }

    /** A PNG scaled to {@code width} dots and thresholded to black and white. */
    static BitMatrix raster(byte[] png, int width) {
        java.awt.image.BufferedImage source;
        try {
            source = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a PNG image", e);
        }
        if (source == null) {
            throw new IllegalArgumentException("not a PNG image");
        }
        int w = Math.max(1, width);
        int h = Math.max(1, (int) Math.round(source.getHeight() * (double) w / source.getWidth()));
        java.awt.image.BufferedImage scaled = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = scaled.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        BitMatrix bits = new BitMatrix(w, h);
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                if ((scaled.getRaster().getSample(xx, yy, 0)) < 128) {
                    bits.set(xx, yy);
                }
            }
        }
        return bits;
    }

    /** Rows of a 1-bit raster packed MSB first, 1 = black, each row padded to whole bytes. */
    static byte[] packed(BitMatrix m, boolean blackIsOne) {
        int rowBytes = (m.getWidth() + 7) / 8;
        byte[] out = new byte[rowBytes * m.getHeight()];
        for (int yy = 0; yy < m.getHeight(); yy++) {
            for (int xx = 0; xx < rowBytes * 8; xx++) {
                boolean black = xx < m.getWidth() && m.get(xx, yy);
                if (black == blackIsOne) {
                    out[yy * rowBytes + xx / 8] |= (byte) (0x80 >>> (xx % 8));
                }
            }
        }
        return out;
    }

    static BitMatrix code128(String data) {
        return new Code128Writer().encode(data, BarcodeFormat.CODE_128, 0, 0, Map.of(EncodeHintType.MARGIN, 0));
    }

    static BitMatrix qr(String data) {
        try {
            return new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.CHARACTER_SET, "UTF-8",
                            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot make a QR code of " + data.length() + " characters", e);
        }
    }
}

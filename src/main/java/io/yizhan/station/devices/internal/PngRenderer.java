package io.yizhan.station.devices.internal;

import com.google.zxing.common.BitMatrix;
import io.yizhan.station.devices.Paper;
import io.yizhan.station.devices.PrintDocument;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a laid-out document as the printer would, one pixel per dot, in black on white. Text uses
 * Noto Sans CJK (Debian {@code fonts-noto-cjk}), which draws Chinese, Latin letters and digits.
 */
public final class PngRenderer {

    static final String FONT = "Noto Sans CJK SC";

    private PngRenderer() {
    }

    public static BufferedImage image(PrintDocument document, Paper paper) {
        DocumentLayout.Result layout = DocumentLayout.lay(document, paper);
        BufferedImage image = new BufferedImage(paper.widthDots(), Math.max(1, layout.heightDots()), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            for (DocumentLayout.Placed p : layout.items()) {
                switch (p.block()) {
                    case PrintDocument.Text t -> text(g, p.line(), p.x(), p.y(), p.height(), t.bold());
                    case PrintDocument.Barcode b -> {
                        bars(g, p.matrix(), p.x(), p.y(), p.module(), p.height());
                        int textWidth = DocumentLayout.textWidth(b.data(), 1);
                        text(g, b.data(), p.x() + (p.width() - textWidth) / 2, p.y() + p.height() + 4, DocumentLayout.CHAR_HEIGHT, false);
                    }
                    case PrintDocument.QrCode q -> qr(g, p.matrix(), p.x(), p.y(), p.module());
                    case PrintDocument.Image img -> qr(g, p.matrix(), p.x(), p.y(), 1);
                    case PrintDocument.Rule r -> g.fillRect(p.x(), p.y(), p.width(), p.height());
                    case PrintDocument.Feed f -> { }
                    case PrintDocument.DrawerKick k -> { }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public static byte[] png(PrintDocument document, Paper paper) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image(document, paper), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Graphics2D g, String line, int x, int y, int height, boolean bold) {
        Font font = new Font(FONT, bold ? Font.BOLD : Font.PLAIN, height);
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        int baseline = y + (height + metrics.getAscent() - metrics.getDescent()) / 2;
        g.drawString(line, x, baseline);
    }

    private static void bars(Graphics2D g, BitMatrix m, int x, int y, int module, int height) {
        for (int i = 0; i < m.getWidth(); i++) {
            if (m.get(i, 0)) {
                g.fillRect(x + i * module, y, module, height);
            }
        }
    }

    private static void qr(Graphics2D g, BitMatrix m, int x, int y, int module) {
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    g.fillRect(x + col * module, y + row * module, module, module);
                }
            }
        }
    }
}

package io.yizhan.station.devices.internal;

import io.yizhan.station.devices.Paper;
import io.yizhan.station.devices.PrintDocument;
import java.nio.charset.Charset;

/**
 * TSPL for TSC-style label printers: label size and gap, then each block at its laid-out position
 * (text in the built-in simplified-Chinese font {@code TSS24.BF2}, Code 128, QR, bars), then PRINT.
 */
public final class TsplEncoder {

    private final Charset charset;
    private final double widthMm;
    private final double heightMm;
    private final double gapMm;

    public TsplEncoder(Charset charset, double widthMm, double heightMm, double gapMm) {
        this.charset = charset;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
        this.gapMm = gapMm;
    }

    public byte[] encode(PrintDocument document, Paper paper) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        out.append("SIZE ").append(mm(widthMm)).append(" mm,").append(mm(heightMm)).append(" mm\r\n");
        out.append("GAP ").append(mm(gapMm)).append(" mm,0 mm\r\n");
        out.append("DIRECTION 1\r\nCLS\r\n");
        for (DocumentLayout.Placed p : DocumentLayout.lay(document, paper).items()) {
            switch (p.block()) {
                case PrintDocument.Text t -> out.append("TEXT ").append(p.x()).append(',').append(p.y())
                        .append(",\"TSS24.BF2\",0,").append(t.size().factor()).append(',').append(t.size().factor())
                        .append(",\"").append(p.line().replace("\"", "\\[\"]")).append("\"\r\n");
                case PrintDocument.Barcode b -> out.append("BARCODE ").append(p.x()).append(',').append(p.y())
                        .append(",\"128\",").append(p.height()).append(",1,0,").append(p.module()).append(',')
                        .append(p.module()).append(",\"").append(b.data()).append("\"\r\n");
                case PrintDocument.QrCode q -> out.append("QRCODE ").append(p.x()).append(',').append(p.y())
                        .append(",M,").append(p.module()).append(",A,0,\"").append(q.data().replace("\"", "\\[\"]")).append("\"\r\n");
                case PrintDocument.Image img -> {
                    // BITMAP carries raw bytes: flush the text so far, then the bitmap (0 bits print)
                    out.append("BITMAP ").append(p.x()).append(',').append(p.y()).append(',')
                            .append((p.width() + 7) / 8).append(',').append(p.height()).append(",0,");
                    bytes.writeBytes(out.toString().getBytes(charset));
                    out.setLength(0);
                    bytes.writeBytes(DocumentLayout.packed(p.matrix(), false));
                    out.append("\r\n");
                }
                case PrintDocument.Rule r -> out.append("BAR ").append(p.x()).append(',').append(p.y()).append(',')
                        .append(p.width()).append(',').append(p.height()).append("\r\n");
                case PrintDocument.Feed f -> { }
                case PrintDocument.DrawerKick k -> { }
            }
        }
        out.append("PRINT 1,1\r\n");
        bytes.writeBytes(out.toString().getBytes(charset));
        return bytes.toByteArray();
    }

    private static String mm(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}

package io.yizhan.station.devices.internal;

import io.yizhan.station.devices.Paper;
import io.yizhan.station.devices.PrintDocument;
import java.nio.charset.StandardCharsets;

/**
 * ZPL II for Zebra-style label printers, UTF-8 ({@code ^CI28}). Code 128 uses automatic mode
 * ({@code ^BCN,h,Y,N,N,A}) so a 13-digit waybill stays within a 40 mm label. Chinese text needs a
 * CJK font on the printer: the profile names it ({@code cjk-font}, e.g. {@code E:SIMSUN.TTF}).
 */
public final class ZplEncoder {

    private final String cjkFont;

    public ZplEncoder(String cjkFont) {
        this.cjkFont = cjkFont;
    }

    public byte[] encode(PrintDocument document, Paper paper) {
        StringBuilder out = new StringBuilder("^XA^CI28");
        out.append("^PW").append(paper.widthDots()).append("^LL").append(paper.heightDots());
        for (DocumentLayout.Placed p : DocumentLayout.lay(document, paper).items()) {
            out.append("^FO").append(p.x()).append(',').append(p.y());
            switch (p.block()) {
                case PrintDocument.Text t -> {
                    boolean cjk = p.line().codePoints().anyMatch(DocumentLayout::wide);
                    int h = p.height();
                    int w = h / 2 * (cjk ? 2 : 1);
                    if (cjk && !cjkFont.isBlank()) {
                        out.append("^A@N,").append(h).append(',').append(w).append(',').append(cjkFont);
                    } else {
                        out.append("^A0N,").append(h).append(',').append(w);
                    }
                    out.append("^FD").append(escape(p.line())).append("^FS");
                }
                case PrintDocument.Barcode b -> out.append("^BY").append(p.module()).append(",3,").append(p.height())
                        .append("^BCN,").append(p.height()).append(",Y,N,N,A^FD").append(escape(b.data())).append("^FS");
                case PrintDocument.QrCode q -> out.append("^BQN,2,").append(Math.min(10, p.module()))
                        .append("^FDMA,").append(escape(q.data())).append("^FS");
                case PrintDocument.Image img -> {
                    byte[] data = DocumentLayout.packed(p.matrix(), true);
                    out.append("^GFA,").append(data.length).append(',').append(data.length).append(',')
                            .append((p.width() + 7) / 8).append(',').append(java.util.HexFormat.of().withUpperCase().formatHex(data)).append("^FS");
                }
                case PrintDocument.Rule r -> out.append("^GB").append(p.width()).append(',').append(p.height())
                        .append(',').append(p.height()).append("^FS");
                case PrintDocument.Feed f -> out.append("^FS");
                case PrintDocument.DrawerKick k -> { }
            }
        }
        out.append("^PQ1^XZ");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** ^ and ~ start commands; written as hex escapes inside ^FH fields they would need ^FH: avoid them. */
    private static String escape(String text) {
        return text.replace('^', ' ').replace('~', ' ');
    }
}

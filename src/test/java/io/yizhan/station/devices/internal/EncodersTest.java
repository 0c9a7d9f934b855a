package io.yizhan.station.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.devices.Paper;
import io.yizhan.station.devices.PrintDocument;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Byte-exact output of each encoder for small documents. */
class EncodersTest {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer i) {
                out.write(i);
            } else if (part instanceof byte[] b) {
                out.writeBytes(b);
            } else {
                out.writeBytes(part.toString().getBytes(GB18030));
            }
        }
        return out.toByteArray();
    }

    @Test
    void escPosTextIsInitialisedChineseAlignedBoldSizedAndCut() {
        PrintDocument doc = PrintDocument.builder("receipt").center().bold("取件码").left().huge("3-2-0217").build();
        byte[] actual = new EscPosEncoder(GB18030).encode(doc, Paper.receipt(576, 203));
        byte[] expected = bytes(
                0x1B, '@', 0x1C, '&',
                0x1B, 'a', 1, 0x1B, 'E', 1, 0x1D, '!', 0x00, new byte[] {(byte) 0xC8, (byte) 0xA1, (byte) 0xBC, (byte) 0xFE, (byte) 0xC2, (byte) 0xEB}, 0x0A, 0x1D, '!', 0, 0x1B, 'E', 0,
                0x1B, 'a', 0, 0x1B, 'E', 1, 0x1D, '!', 0x22, "3-2-0217", 0x0A, 0x1D, '!', 0, 0x1B, 'E', 0,
                0x1B, 'a', 0, 0x1D, 'V', 66, 3);
        assertThat(HexFormat.of().formatHex(actual)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void escPosBarcodeAndQrUseNativeCommands() {
        PrintDocument doc = PrintDocument.builder("receipt").barcode("SF1234567890123", 10).qr("3-2-0217", 20).build();
        byte[] actual = new EscPosEncoder(GB18030).encode(doc, Paper.receipt(576, 203));
        byte[] barcode = bytes(0x1B, 'a', 0, 0x1D, 'h', 80, 0x1D, 'w', 2, 0x1D, 'H', 2, 0x1D, 'k', 73, 17, "{BSF1234567890123", 0x0A);
        int modules = DocumentLayout.qr("3-2-0217").getWidth(); // 21 for version 1
        int size = 160 / modules;
        byte[] qr = bytes(0x1B, 'a', 0,
                0x1D, '(', 'k', 4, 0, 49, 65, 50, 0,
                0x1D, '(', 'k', 3, 0, 49, 67, size,
                0x1D, '(', 'k', 3, 0, 49, 69, 49,
                0x1D, '(', 'k', 11, 0, 49, 80, 48, "3-2-0217",
                0x1D, '(', 'k', 3, 0, 49, 81, 48, 0x0A);
        byte[] expected = bytes(0x1B, '@', 0x1C, '&', barcode, qr, 0x1B, 'a', 0, 0x1D, 'V', 66, 3);
        assertThat(HexFormat.of().formatHex(actual)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    static byte[] tinyPng() throws Exception {
        var image = new java.awt.image.BufferedImage(16, 2, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 16; x++) {
            image.getRaster().setSample(x, 0, 0, x < 8 ? 0 : 255);
            image.getRaster().setSample(x, 1, 0, x == 15 ? 0 : 255);
        }
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void imagesPrintAsRasterBitImages() throws Exception {
        PrintDocument doc = PrintDocument.builder("receipt").image(tinyPng(), 2).build();
        byte[] escpos = new EscPosEncoder(GB18030).encode(doc, Paper.receipt(576, 203));
        byte[] expected = bytes(0x1B, '@', 0x1C, '&', 0x1B, 'a', 0,
                0x1D, 'v', '0', 0, 2, 0, 2, 0, 0xFF, 0x00, 0x00, 0x01, 0x0A,
                0x1B, 'a', 0, 0x1D, 'V', 66, 3);
        assertThat(HexFormat.of().formatHex(escpos)).isEqualTo(HexFormat.of().formatHex(expected));

        Paper label = Paper.label(40, 30, 203);
        String zpl = new String(new ZplEncoder("").encode(doc, label), StandardCharsets.UTF_8);
        assertThat(zpl).contains("^GFA,4,4,2,FF000001^FS");
        byte[] tspl = new TsplEncoder(GB18030, 40, 30, 2).encode(doc, label);
        byte[] bitmap = bytes("BITMAP 8,8,2,2,0,", 0x00, 0xFF, 0xFF, 0xFE, "\r\n");
        assertThat(HexFormat.of().formatHex(tspl)).contains(HexFormat.of().formatHex(bitmap));

        var png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(PngRenderer.png(doc, label)));
        assertThat(png.getRaster().getSample(8, 8, 0)).as("black where the image is black").isZero();
        assertThat(png.getRaster().getSample(8 + 8, 8, 0)).as("white where it is white").isEqualTo(255);
    }

    @Test
    void tsplPlacesEachBlockOnTheLabel() {
        PrintDocument doc = PrintDocument.builder("shelf-label").text("幸福里").barcode("SF1234567890123", 8).build();
        Paper label = Paper.label(40, 30, 203);
        String actual = new String(new TsplEncoder(GB18030, 40, 30, 2).encode(doc, label), GB18030);
        DocumentLayout.Placed bars = DocumentLayout.lay(doc, label).items().get(1);
        assertThat(actual).isEqualTo("SIZE 40 mm,30 mm\r\nGAP 2 mm,0 mm\r\nDIRECTION 1\r\nCLS\r\n"
                + "TEXT 8,8,\"TSS24.BF2\",0,1,1,\"幸福里\"\r\n"
                + "BARCODE " + bars.x() + ",38,\"128\",64,1,0," + bars.module() + "," + bars.module() + ",\"SF1234567890123\"\r\n"
                + "PRINT 1,1\r\n");
    }

    @Test
    void zplUsesAutomaticCode128SoAWaybillFitsA40mmLabel() {
        PrintDocument doc = PrintDocument.builder("shelf-label").center().barcode("7512345678901", 8).build();
        Paper label = Paper.label(40, 30, 203);
        String actual = new String(new ZplEncoder("").encode(doc, label), StandardCharsets.UTF_8);
        DocumentLayout.Placed bars = DocumentLayout.lay(doc, label).items().getFirst();
        assertThat(actual).isEqualTo("^XA^CI28^PW320^LL240^FO" + bars.x() + ",8^BY" + bars.module() + ",3,64^BCN,64,Y,N,N,A^FD7512345678901^FS^PQ1^XZ");
        assertThat(bars.width()).as("bars fit the label").isLessThanOrEqualTo(label.widthDots());
    }

    @Test
    void aDrawerKickOpensTheDrawerOnlyWhereThePrinterHasOne() {
        PrintDocument doc = PrintDocument.builder("receipt").text("现金").kickDrawer().build();
        byte[] kick = {0x1B, 'p', 0, 25, (byte) 250};
        byte[] with = new EscPosEncoder(GB18030, true).encode(doc, Paper.receipt(576, 203));
        byte[] without = new EscPosEncoder(GB18030, false).encode(doc, Paper.receipt(576, 203));
        assertThat(java.util.HexFormat.of().formatHex(with)).contains(java.util.HexFormat.of().formatHex(kick));
        assertThat(java.util.HexFormat.of().formatHex(without)).doesNotContain(java.util.HexFormat.of().formatHex(kick));
        assertThat(without).hasSize(with.length - kick.length);
    }
}

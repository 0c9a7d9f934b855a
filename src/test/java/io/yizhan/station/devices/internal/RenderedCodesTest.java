package io.yizhan.station.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import io.yizhan.station.devices.Paper;
import io.yizhan.station.devices.PrintDocument;
import io.yizhan.station.support.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every rendered label and receipt PNG decodes back to what was encoded: by ZXing and by zbarimg. */
class RenderedCodesTest {

    static final Path OUT = Path.of("target/rendered");

    static PrintDocument shelfLabel() {
        return PrintDocument.builder("shelf-label").center().huge("3-2-0217").qr("3-2-0217 SF1234567890123", 16).build();
    }

    static PrintDocument productLabel() {
        return PrintDocument.builder("product-label").center().bold("高山苹果 2.35kg").barcode("6901234567892", 10).build();
    }

    static PrintDocument receipt() {
        return PrintDocument.builder("receipt").center().large("幸福里社区驿站").text("收据 Receipt 0123456789").rule()
                .left().text("代收货款 ¥12.50").barcode("JT0001234567890", 10).center().qr("https://yizhan.example/r/01a2", 25)
                .build();
    }

    private static Set<String> zxing(Path png) throws Exception {
        var image = ImageIO.read(png.toFile());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Result[] results = new GenericMultipleBarcodeReader(new MultiFormatReader())
                .decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return Arrays.stream(results).map(Result::getText).collect(Collectors.toSet());
    }

    private static Set<String> zbarimg(Path png) throws Exception {
        Process p = new ProcessBuilder("zbarimg", "--quiet", "--raw", png.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toSet());
    }

    private static Path render(String name, PrintDocument doc, Paper paper) throws Exception {
        Files.createDirectories(OUT);
        Path png = OUT.resolve(name + ".png");
        Files.write(png, PngRenderer.png(doc, paper));
        return png;
    }

    @Test
    void shelfLabelDecodesWithZxing() throws Exception {
        assertThat(zxing(render("shelf-label-40x30", shelfLabel(), Paper.label(40, 30, 203)))).contains("3-2-0217 SF1234567890123");
        assertThat(zxing(render("product-label-40x30", productLabel(), Paper.label(40, 30, 203)))).contains("6901234567892");
    }

    @Test
    void receiptDecodesWithZxing() throws Exception {
        Path png = render("receipt-80mm", receipt(), Paper.receipt(576, 203));
        assertThat(zxing(png)).contains("JT0001234567890", "https://yizhan.example/r/01a2");
    }

    @Test
    void labelAndReceiptDecodeWithZbarimg() throws Exception {
        RequiredTool.require("zbarimg", "zbar-tools");
        assertThat(zbarimg(render("shelf-label-40x30", shelfLabel(), Paper.label(40, 30, 203))))
                .contains("3-2-0217 SF1234567890123");
        assertThat(zbarimg(render("product-label-40x30", productLabel(), Paper.label(40, 30, 203)))).contains("6901234567892");
        assertThat(zbarimg(render("receipt-58mm", receipt(), Paper.receipt(384, 203))))
                .contains("JT0001234567890", "https://yizhan.example/r/01a2");
    }
}

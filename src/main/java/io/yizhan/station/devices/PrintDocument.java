package io.yizhan.station.devices;

import java.util.ArrayList;
import java.util.List;

/**
 * What to print, independent of any printer: a list of blocks laid out top to bottom. The same
 * document becomes ESC/POS on a receipt printer, TSPL or ZPL on a label printer, and always a PNG.
 *
 * @param kind what it is (receipt, shelf-label, test-page …), shown in the print queue
 */
public record PrintDocument(String kind, List<Block> blocks) {

    public PrintDocument {
        blocks = List.copyOf(blocks);
    }

    public enum Size {
        /** 24-dot characters. */
        NORMAL(1),
        /** twice as wide and high. */
        DOUBLE(2),
        /** three times: pickup codes on shelf labels. */
        HUGE(3);

        private final int factor;

        Size(int factor) {
            this.factor = factor;
        }

        public int factor() {
            return factor;
        }
    }

    public enum Align { LEFT, CENTER, RIGHT }

    /** One piece of a document (stored with its print job as JSON, typed by the record's name). */
    @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.SIMPLE_NAME)
    @com.fasterxml.jackson.annotation.JsonSubTypes({@com.fasterxml.jackson.annotation.JsonSubTypes.Type(Text.class),
            @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Barcode.class), @com.fasterxml.jackson.annotation.JsonSubTypes.Type(QrCode.class),
            @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Image.class), @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Rule.class),
            @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Feed.class), @com.fasterxml.jackson.annotation.JsonSubTypes.Type(DrawerKick.class)})
    public sealed interface Block permits Text, Barcode, QrCode, Image, Rule, Feed, DrawerKick {
    }

    public record Text(String text, Size size, boolean bold, Align align) implements Block {
    }

    /** A Code 128 barcode with its digits printed under it. */
    public record Barcode(String data, int heightMm, Align align) implements Block {
    }

    public record QrCode(String data, int sizeMm, Align align) implements Block {
    }

    /** A picture (a logo, a signature), printed as a 1-bit raster {@code widthMm} wide. */
    public record Image(byte[] png, int widthMm, Align align) implements Block {
    }

    /** A horizontal line across the paper. */
    public record Rule() implements Block {
    }

    public record Feed(int lines) implements Block {
    }

    /**
     * Opens the cash drawer wired to the printer (ESC/POS drawer kick), on printers whose profile says
     * {@code cash-drawer: true}; prints nothing, and other printers ignore it.
     */
    public record DrawerKick() implements Block {
    }

    public static Builder builder(String kind) {
        return new Builder(kind);
    }

    /** Fluent construction: {@code builder("receipt").center().huge("3-2-0217").barcode("SF123…")}. */
    public static final class Builder {
        private final String kind;
        private final List<Block> blocks = new ArrayList<>();
        private Align align = Align.LEFT;

        private Builder(String kind) {
            this.kind = kind;
        }

        public Builder left() {
            align = Align.LEFT;
            return this;
        }

        public Builder center() {
            align = Align.CENTER;
            return this;
        }

        public Builder right() {
            align = Align.RIGHT;
            return this;
        }

        public Builder text(String text) {
            blocks.add(new Text(text, Size.NORMAL, false, align));
            return this;
        }

        public Builder bold(String text) {
            blocks.add(new Text(text, Size.NORMAL, true, align));
            return this;
        }

        public Builder large(String text) {
            blocks.add(new Text(text, Size.DOUBLE, true, align));
            return this;
        }

        public Builder huge(String text) {
            blocks.add(new Text(text, Size.HUGE, true, align));
            return this;
        }

        public Builder barcode(String data, int heightMm) {
            blocks.add(new Barcode(data, heightMm, align));
            return this;
        }

        public Builder qr(String data, int sizeMm) {
            blocks.add(new QrCode(data, sizeMm, align));
            return this;
        }

        public Builder image(byte[] png, int widthMm) {
            blocks.add(new Image(png, widthMm, align));
            return this;
        }

        public Builder rule() {
            blocks.add(new Rule());
            return this;
        }

        /** Opens the cash drawer (where the printer has one) when the job prints. */
        public Builder kickDrawer() {
            blocks.add(new DrawerKick());
            return this;
        }

        public Builder feed(int lines) {
            blocks.add(new Feed(lines));
            return this;
        }

        public PrintDocument build() {
            return new PrintDocument(kind, blocks);
        }
    }
}

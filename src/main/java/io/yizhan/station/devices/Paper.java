package io.yizhan.station.devices;

/**
 * The printable area of a printer profile in dots: receipts are continuous ({@code heightDots} 0),
 * labels have a fixed height.
 */
public record Paper(int widthDots, int heightDots, int dpi) {

    public static Paper receipt(int widthDots, int dpi) {
        return new Paper(widthDots, 0, dpi);
    }

    public static Paper label(double widthMm, double heightMm, int dpi) {
        return new Paper(dots(widthMm, dpi), dots(heightMm, dpi), dpi);
    }

    public boolean continuous() {
        return heightDots == 0;
    }

    public int dots(double mm) {
        return dots(mm, dpi);
    }

    static int dots(double mm, int dpi) {
        return (int) Math.round(mm * dpi / 25.4);
    }
}

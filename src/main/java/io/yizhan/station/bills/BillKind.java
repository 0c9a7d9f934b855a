package io.yizhan.station.bills;

/** What is paid: a biller's bill (water, electricity, gas) or a phone top-up. */
public enum BillKind {
    WATER, ELECTRICITY, GAS, TOPUP;

    /** The letter a paper bill's barcode starts with ({@code W-3301234560}). */
    public static java.util.Optional<BillKind> ofBarcodeLetter(char letter) {
        return switch (letter) {
            case 'W' -> java.util.Optional.of(WATER);
            case 'E' -> java.util.Optional.of(ELECTRICITY);
            case 'G' -> java.util.Optional.of(GAS);
            default -> java.util.Optional.empty();
        };
    }

    public boolean bill() {
        return this != TOPUP;
    }
}

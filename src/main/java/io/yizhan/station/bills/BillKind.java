package io.yizhan.station.bills;

/** What is paid: a biller's bill (water, electricity, gas) or a phone top-up. */
public enum BillKind {
    WATER, ELECTRICITY, GAS, TOPUP;

    /** A paper bill's barcode read: its kind and account. */
    public record PaperBill(BillKind kind, String account) {
    }

    /** A paper bill's Code 128, {@code W|E|G} + {@code -} + the 10-digit account ({@code W-3301234560}); empty for any other code. */
    public static java.util.Optional<PaperBill> paperBill(String scanned) {
        String c = scanned.strip().toUpperCase(java.util.Locale.ROOT);
        if (c.length() != 12 || c.charAt(1) != '-' || !c.substring(2).matches("[0-9]{10}")) {
            return java.util.Optional.empty();
        }
        BillKind kind = switch (c.charAt(0)) {
            case 'W' -> WATER;
            case 'E' -> ELECTRICITY;
            case 'G' -> GAS;
            default -> null;
        };
        return kind == null ? java.util.Optional.empty() : java.util.Optional.of(new PaperBill(kind, c.substring(2)));
    }

    public boolean bill() {
        return this != TOPUP;
    }
}

package io.yizhan.station.inventory;

import java.util.Optional;

/** GTIN-8/12/13/14 check digits (GS1 mod 10) and the station's own codes for goods that come without one. */
public final class Barcodes {

    private Barcodes() {
    }

    /** True for 8, 12, 13 or 14 digits whose last digit is the GS1 check digit of the others. */
    public static boolean validGtin(String code) {
        if (!code.matches("\\d{8}|\\d{12,14}")) {
            return false;
        }
        return checkDigit(code.substring(0, code.length() - 1)) == code.charAt(code.length() - 1) - '0';
    }

    /** The GS1 check digit of these digits (weights 3, 1, 3 … from the right). */
    public static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }

    /** Appends the check digit. */
    public static String withCheckDigit(String digits) {
        return digits + checkDigit(digits);
    }

    /** Why a code a clerk typed as a barcode is not one, as a message key; empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (!code.matches("\\d+") || !(code.length() == 8 || code.length() == 13)) {
            return Optional.of("inventory.error.barcode-format");
        }
        return validGtin(code) ? Optional.empty() : Optional.of("inventory.error.barcode-check");
    }

    /**
     * The in-store barcode of a good that came without one: {@code 20} + its short code + five zeros +
     * check digit (restricted circulation, read by the station's scanners only).
     */
    public static String inStore(String shortCode) {
        return withCheckDigit("20" + shortCode + "00000");
    }
}

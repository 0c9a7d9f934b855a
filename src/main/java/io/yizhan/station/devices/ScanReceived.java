package io.yizhan.station.devices;

import java.time.Instant;
import java.util.UUID;

/**
 * A barcode read by a scanner: which device, at which terminal, the code, a guess at its symbology,
 * the device's sequence number and the time. Published for every scan; the terminal's current
 * screen receives it (or shows a notice when it wants none).
 */
public record ScanReceived(UUID eventId, String device, String terminal, String code, String symbology,
                           long sequence, Instant at) {

    /** EAN-13 and EAN-8 when the digits and check digit fit, else Code 128 (most waybills). */
    public static String symbologyOf(String code) {
        if (code.matches("\\d{13}") && ean(code)) {
            return "EAN-13";
        }
        if (code.matches("\\d{8}") && ean(code)) {
            return "EAN-8";
        }
        return code.startsWith("http") || code.length() > 40 ? "QR" : "CODE-128";
    }

    private static boolean ean(String digits) {
        int sum = 0;
        int n = digits.length();
        for (int i = 0; i < n - 1; i++) {
            int d = digits.charAt(n - 2 - i) - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (10 - sum % 10) % 10 == digits.charAt(n - 1) - '0';
    }
}

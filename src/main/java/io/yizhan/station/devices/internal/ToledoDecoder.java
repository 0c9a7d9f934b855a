package io.yizhan.station.devices.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Mettler-Toledo continuous output: {@code STX SWA SWB SWC W W W W W W T T T T T T CR [CHK]}.
 * SWA bits 0–2 place the decimal point; SWB bit 0 net, bit 1 negative, bit 2 over/under range,
 * bit 3 in motion, bit 4 kg (else lb). The checksum makes the 7-bit sum of the frame zero.
 * Frames may be split across reads; garbage between frames and bad checksums are dropped.
 */
public final class ToledoDecoder implements WeightDecoder {

    static final int STX = 0x02;
    static final int CR = 0x0D;
    static final int BODY = 15; // SWA SWB SWC + 6 weight + 6 tare

    private final boolean checksum;
    private final byte[] buffer = new byte[64];
    private int size;
    private long dropped;

    public ToledoDecoder(boolean checksum) {
        this.checksum = checksum;
    }

    @Override
    public List<Reading> feed(byte[] data, int length) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int b = data[i] & 0x7F;
            if (size == 0 && b != STX) {
                continue; // between frames: wait for STX
            }
            if (size > 0 && b == STX && size < BODY + 1) {
                dropped++; // a half frame, then a new one
                size = 0;
            }
            buffer[size++] = (byte) b;
            int frameLength = 1 + BODY + 1 + (checksum ? 1 : 0);
            if (size == frameLength) {
                Reading r = parse();
                if (r == null) {
                    dropped++;
                } else {
                    readings.add(r);
                }
                size = 0;
            }
        }
        return readings;
    }

    private Reading parse() {
        if (buffer[1 + BODY] != CR) {
            return null;
        }
        if (checksum) {
            int sum = 0;
            for (int i = 0; i <= 1 + BODY + 1; i++) {
                sum += buffer[i];
            }
            if ((sum & 0x7F) != 0) {
                return null;
            }
        }
        int swa = buffer[1];
        int swb = buffer[2];
        if ((swb & 0x04) != 0) {
            return null; // over or under range: no weight
        }
        String digits = new String(buffer, 4, 6, java.nio.charset.StandardCharsets.US_ASCII).replace(' ', '0');
        if (!digits.matches("\\d{6}")) {
            return null;
        }
        int code = swa & 0x07;
        // 000: x100, 001: x10, 010: x1, 011: 0.1 … 111: 0.00001
        BigDecimal value = new BigDecimal(digits).movePointLeft(code - 2);
        boolean kg = (swb & 0x10) != 0;
        BigDecimal grams = kg ? value.movePointRight(3) : value.multiply(new BigDecimal("453.59237"));
        long g = grams.setScale(0, RoundingMode.HALF_UP).longValueExact();
        if ((swb & 0x02) != 0) {
            g = -g;
        }
        return new Reading(g, (swb & 0x01) != 0, (swb & 0x08) != 0);
    }

    @Override
    public long dropped() {
        return dropped;
    }

    /** A frame as a Toledo scale sends it (for simulators and tests). */
    public static byte[] frame(long grams, boolean net, boolean moving, boolean withChecksum) {
        int swa = 0x20 | 0x05;                     // decimal point XXX.XXX (kg with 3 decimals)
        int swb = 0x20 | 0x10 | (net ? 1 : 0) | (grams < 0 ? 2 : 0) | (moving ? 8 : 0);
        int swc = 0x20;
        String weight = String.format("%06d", Math.abs(grams));
        String tare = "000000";
        byte[] f = new byte[1 + BODY + 1 + (withChecksum ? 1 : 0)];
        f[0] = STX;
        f[1] = (byte) swa;
        f[2] = (byte) swb;
        f[3] = (byte) swc;
        for (int i = 0; i < 6; i++) {
            f[4 + i] = (byte) weight.charAt(i);
            f[10 + i] = (byte) tare.charAt(i);
        }
        f[16] = CR;
        if (withChecksum) {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += f[i];
            }
            f[17] = (byte) ((-sum) & 0x7F);
        }
        return f;
    }
}

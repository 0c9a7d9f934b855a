package io.yizhan.station.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/** Amounts are {@code long} fen (分); shown as yuan with two decimals: 1250 → "¥12.50", −1250 → "-¥12.50". */
public final class Money {

    private Money() {
    }

    public static String yuan(long fen) {
        return (fen < 0 ? "-¥" : "¥") + BigDecimal.valueOf(Math.abs(fen), 2).toPlainString();
    }

    /** Parses "12.5", "12.50" or "12" (yuan) into fen; refuses more than two decimals or negatives. */
    public static long fen(String yuan) {
        BigDecimal value = new BigDecimal(yuan.strip().replace("¥", ""));
        if (value.signum() < 0 || value.scale() > 2) {
            throw new NumberFormatException("not an amount: " + yuan);
        }
        return value.movePointRight(2).longValueExact();
    }

    /**
     * Splits {@code amountFen} over parts in proportion to their weights (largest remainder), so the
     * parts add up to the amount exactly; a zero total weight gives everything to the first part.
     */
    public static long[] split(long amountFen, long[] weights) {
        long[] parts = new long[weights.length];
        if (weights.length == 0) {
            return parts;
        }
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            total = total.add(BigInteger.valueOf(w));
        }
        if (total.signum() <= 0) {
            parts[0] = amountFen;
            return parts;
        }
        BigInteger[] remainders = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = BigInteger.valueOf(amountFen).multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1].abs();
            given += parts[i];
        }
        // fewer fen than parts are left, of the amount's sign: to the largest remainders first
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a]));
        long left = amountFen - given;
        for (int k = 0; left != 0; k++) {
            parts[order[k]] += Long.signum(left);
            left -= Long.signum(left);
        }
        return parts;
    }
}

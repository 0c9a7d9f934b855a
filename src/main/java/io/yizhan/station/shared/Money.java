package io.yizhan.station.shared;

import java.math.BigDecimal;

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
}

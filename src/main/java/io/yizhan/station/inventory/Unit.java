package io.yizhan.station.inventory;

/**
 * How a good is counted: {@code PIECE} in pieces, {@code KG} by weight — quantities in grams and the
 * price per kg, a line's amount being grams × price ÷ 1000 rounded half-up.
 */
public enum Unit {
    PIECE, KG;

    /** What {@code quantity} of this unit costs at {@code priceFen} (per piece, or per kg). */
    public long amountFen(long quantity, long priceFen) {
        return this == PIECE ? Math.multiplyExact(quantity, priceFen) : roundHalfUp(Math.multiplyExact(quantity, priceFen), 1000);
    }

    /** {@code numerator ÷ denominator} rounded half-up, for non-negative numbers. */
    public static long roundHalfUp(long numerator, long denominator) {
        return (numerator + denominator / 2) / denominator;
    }
}

package io.yizhan.contract;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A time-limited offer of the platform. {@code DISCOUNT}: {@code percentOff} off the lines of
 * {@code category} (every line when null); {@code COUPON}: {@code amountOffFen} off an order of at
 * least {@code thresholdFen}. Offers never stack: {@link #best} picks the single one that takes the
 * most off, and the station and central compute it the same way.
 */
public record ShopOffer(String id, String kind, String description, @Nullable String category, @Nullable Integer percentOff,
                        long thresholdFen, @Nullable Long amountOffFen, Instant validFrom, Instant validTo) {

    public static final String DISCOUNT = "DISCOUNT";
    public static final String COUPON = "COUPON";

    /** A line as an offer sees it: its category and amount (price × quantity) in fen. */
    public record Line(String category, long amountFen) {
    }

    /** The offer applied to an order and what it takes off. */
    public record Applied(String id, String kind, String description, long discountFen) {
    }

    /** What this offer takes off these lines at {@code now}: 0 when it does not apply. Percentages round half up to the fen. */
    public long discountFen(List<Line> lines, Instant now) {
        if (now.isBefore(validFrom) || !now.isBefore(validTo)) {
            return 0;
        }
        long total = lines.stream().mapToLong(Line::amountFen).sum();
        if (DISCOUNT.equals(kind) && percentOff != null) {
            long matching = lines.stream().filter(l -> category == null || category.equals(l.category())).mapToLong(Line::amountFen).sum();
            return total < thresholdFen ? 0 : (matching * percentOff + 50) / 100;
        }
        if (COUPON.equals(kind) && amountOffFen != null && total >= thresholdFen) {
            return Math.min(amountOffFen, total);
        }
        return 0;
    }

    /** The one offer that takes the most off (the first by id on a tie), or none. */
    public static Optional<Applied> best(List<ShopOffer> offers, List<Line> lines, Instant now) {
        return offers.stream().sorted(Comparator.comparing(ShopOffer::id))
                .map(o -> new Applied(o.id(), o.kind(), o.description(), o.discountFen(lines, now)))
                .filter(a -> a.discountFen() > 0)
                .reduce((a, b) -> b.discountFen() > a.discountFen() ? b : a);
    }
}

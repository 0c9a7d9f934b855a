package io.yizhan.station.payments.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yizhan.payments.*}: how long the station waits for central's answer to a payment-code call
 * ({@code call-timeout}), how often it asks about a payment still waiting ({@code query-interval}),
 * how long a resident may take to type the password before the trade is reversed
 * ({@code user-paying-limit}), how often the background job settles what is due
 * ({@code settle-every}); limits (fen; 0 means none), the amount above which a manager confirms
 * ({@code second-check-fen}) or must approve a refund ({@code refund-manager-fen}), and each channel's
 * fee in basis points (38 = 0.38 %) recorded on its payments; after {@code slow-notice} without a final
 * answer the screens say that the payment will be settled by itself.
 */
@ConfigurationProperties("yizhan.payments")
public record PaymentsProperties(@DefaultValue("10s") Duration callTimeout, @DefaultValue("5s") Duration queryInterval,
                                 @DefaultValue("45s") Duration userPayingLimit, @DefaultValue("1s") Duration settleEvery,
                                 @DefaultValue Limits limits, @DefaultValue("200000") long secondCheckFen,
                                 @DefaultValue("20000") long refundManagerFen, Map<String, Long> feeBasisPoints,
                                 @DefaultValue("20s") Duration slowNotice) {

    public PaymentsProperties {
        feeBasisPoints = feeBasisPoints == null || feeBasisPoints.isEmpty() ? Map.of("WECHAT", 38L, "ALIPAY", 38L) : Map.copyOf(feeBasisPoints);
        if (callTimeout.isNegative() || callTimeout.isZero() || queryInterval.isNegative() || queryInterval.isZero()) {
            throw new IllegalArgumentException("yizhan.payments.call-timeout and query-interval must be positive");
        }
    }

    /**
     * {@code yizhan.payments.limits.*}: for payment codes, at most {@code code-per-payment-fen} (¥5,000)
     * a payment and {@code code-per-day-fen} (¥50,000) a station day; cash has none unless
     * {@code cash-per-payment-fen} is set.
     */
    public record Limits(@DefaultValue("500000") long codePerPaymentFen, @DefaultValue("5000000") long codePerDayFen,
                         @DefaultValue("0") long cashPerPaymentFen) {
    }

    /** The fee on {@code amountFen} through {@code channel}, rounded half up to the fen. */
    public long fee(String channel, long amountFen) {
        long bp = feeBasisPoints.getOrDefault(channel, 0L);
        return (amountFen * bp + 5_000) / 10_000;
    }
}

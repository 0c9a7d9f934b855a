package io.yizhan.contract;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Bills, phone top-up and the social-security query between a station and central, which stands
 * before the billers, the top-up aggregator and the social-security bureau. The station's order
 * number is the idempotency key of a write-off (销账): the same number never writes off twice, and
 * posting it again answers about the first. A write-off whose answer was lost is asked about
 * ({@code GET} below {@link #WRITE_OFFS}), never sent again; one central never received can be
 * cancelled, so it can never succeed later.
 */
public final class Billers {

    /** {@code POST} {@link Lookup} → {@link Due}. */
    public static final String LOOKUP = "/api/sync/billers/lookup";
    /** {@code POST} {@link WriteOff} → {@link WriteOffState}; {@code GET /{stationOrderNo}}; {@code POST /{stationOrderNo}/cancel}; {@code GET ?date=} the station's day. */
    public static final String WRITE_OFFS = "/api/sync/billers/write-offs";
    /** {@code POST} {@link PhoneCheck} → {@link Carrier}. */
    public static final String TOPUP_CHECK = "/api/sync/billers/topup/check";
    /** {@code POST} {@link PensionQuery} → {@link PensionRecord}; nothing about it is stored or logged. */
    public static final String SOCIAL_SECURITY = "/api/sync/billers/social-security";

    /** The top-up denominations (fen): ¥10, 20, 30, 50, 100, 200. */
    public static final Set<Long> DENOMINATIONS = Set.of(1_000L, 2_000L, 3_000L, 5_000L, 10_000L, 20_000L);

    private Billers() {
    }

    /** {@code kind}: {@code WATER}, {@code ELECTRICITY}, {@code GAS}; {@code account}: the 10-digit 户号. */
    public record Lookup(String kind, String account) {

        @Override
        public String toString() {
            return "Lookup[" + kind + ", " + mask(account) + "]";
        }
    }

    /**
     * What an account owes. {@code code}: {@code OK}, {@code NO_ARREARS}, {@code NO_SUCH_ACCOUNT},
     * {@code BATCH_DEDUCTION_WINDOW} (the biller is deducting by bank; cannot pay now), {@code BAD_ACCOUNT}.
     */
    public record Due(String code, String billerName, String holderMasked, String period, long amountDueFen) {
    }

    /** A write-off to make: {@code kind} a biller's or {@code TOPUP} (then {@code account} is the phone number). */
    public record WriteOff(String stationOrderNo, String kind, String account, long amountFen) {

        @Override
        public String toString() {
            return "WriteOff[" + stationOrderNo + ", " + kind + ", " + mask(account) + ", " + amountFen + "]";
        }
    }

    /**
     * A write-off as central knows it. {@code status}: {@code PROCESSING}, {@code SUCCESS},
     * {@code FAILED} (with {@code code}: {@code NO_ARREARS}, {@code NO_SUCH_ACCOUNT},
     * {@code BATCH_DEDUCTION_WINDOW}, {@code AMOUNT_MISMATCH}, {@code ALREADY_PAID},
     * {@code WRITE_OFF_FAILED}, {@code BAD_ACCOUNT}, {@code BAD_DENOMINATION}), {@code CANCELLED}
     * (the station gave the number up before central saw it) or {@code NOTFOUND}.
     */
    public record WriteOffState(String stationOrderNo, String kind, String accountMasked, long amountFen, String status, @Nullable String ref,
                                @Nullable String code, @Nullable String billerName) {
    }

    public record PhoneCheck(String phone) {

        @Override
        public String toString() {
            return "PhoneCheck[" + mask(phone) + "]";
        }
    }

    /** The aggregator's word on a number: {@code code} {@code OK} with the carrier's name, or {@code BAD_PHONE}. */
    public record Carrier(String code, String carrier) {
    }

    /** A person's social-security record asked for with their name and ID number; never logged. */
    public record PensionQuery(String name, String idNumber) {

        @Override
        public String toString() {
            return "PensionQuery[***]";
        }
    }

    /** {@code code} {@code OK}, {@code BAD_ID_NUMBER} or {@code NOT_FOUND}; {@code lastPaidMonth} as {@code yyyy-MM}. */
    public record PensionRecord(String code, int monthsContributed, String lastPaidMonth, long balanceFen) {
    }

    /** An account or number as shown and logged everywhere: the first three and last three digits around {@code ****}. */
    public static String mask(@Nullable String digits) {
        if (digits == null || digits.isEmpty()) {
            return "";
        }
        return digits.length() <= 6 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 3);
    }

    /** True for a mainland mobile number: 11 digits, {@code 13}–{@code 19} first (never a landline, never a 13-digit IoT number). */
    public static boolean mobile(@Nullable String phone) {
        return phone != null && phone.matches("1[3-9][0-9]{9}");
    }

    /** True for a 18-character resident ID number whose check character (GB 11643, ISO 7064 MOD 11-2) is right. */
    public static boolean idNumber(@Nullable String id) {
        if (id == null || !id.matches("[0-9]{17}[0-9Xx]")) {
            return false;
        }
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11) == Character.toUpperCase(id.charAt(17));
    }
}

package io.yizhan.station.payments;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A service whose day is matched against a list at central besides the payment channel's statement
 * (bill payments against the billers' write-offs): its differences are listed on the payments
 * reconciliation screen. A module declares one as a bean.
 */
public interface ServiceMatching {

    /** Translation key of the section's heading. */
    String titleKey();

    /**
     * The day's differences; refused ({@code CENTRAL_UNREACHABLE}) while central's list cannot be read.
     * {@code whatKey} is the translation key of what differs.
     */
    List<Difference> differences(LocalDate day);

    /** One difference: the station's order, what the station and central each say, and the amounts. */
    record Difference(String reference, String accountMasked, String whatKey, @Nullable String stationStatus, @Nullable String centralStatus,
                      @Nullable Long stationFen, @Nullable Long centralFen) {
    }
}

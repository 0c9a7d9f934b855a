package io.yizhan.station.consignment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Resident identity numbers (GB 11643-1999): 17 digits — region, birth date, sequence — and a check
 * character, ISO 7064 MOD 11-2 over the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, {@code X} for 10.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumbers() {
    }

    /** The number as kept (upper-case X, no spaces), if it is a valid one. */
    public static java.util.Optional<String> normalise(String raw) {
        String id = raw == null ? "" : raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!id.matches("\\d{17}[\\dX]")) {
            return java.util.Optional.empty();
        }
        try {
            LocalDate born = LocalDate.parse(id.substring(6, 14), BIRTH);
            if (born.getYear() < 1880 || born.isAfter(LocalDate.now())) {
                return java.util.Optional.empty();
            }
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
        return id.charAt(17) == checkCharacter(id.substring(0, 17)) ? java.util.Optional.of(id) : java.util.Optional.empty();
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECKS.charAt(sum % 11);
    }
}

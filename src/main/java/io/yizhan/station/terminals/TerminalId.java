package io.yizhan.station.terminals;

import java.util.regex.Pattern;

/** A terminal's id as written in {@code station.yml}, e.g. {@code kiosk-1}, {@code counter-2}. */
public record TerminalId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public TerminalId {
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("Bad terminal id '" + value + "': use lower-case letters, digits and '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

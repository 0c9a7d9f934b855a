package io.yizhan.station.devices.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scales that print one line per reading, matched by the profile's pattern with the groups
 * {@code status} (ST stable / US unstable), {@code mode} (GS gross / NT net), {@code weight} and
 * {@code unit} (kg or g). Lines that do not match are counted and dropped.
 */
public final class AsciiLineDecoder implements WeightDecoder {

    static final int MAX_LINE = 80;

    private final Pattern pattern;
    private final ScanFramer lines;
    private long dropped;

    public AsciiLineDecoder(String pattern, String suffix) {
        this.pattern = Pattern.compile(pattern);
        this.lines = new ScanFramer("", suffix.endsWith("\n") ? "\n" : suffix, MAX_LINE);
    }

    @Override
    public List<Reading> feed(byte[] data, int length) {
        List<Reading> readings = new ArrayList<>();
        for (String line : lines.feed(data, length)) {
            Matcher m = pattern.matcher(line.strip());
            if (!m.matches()) {
                dropped++;
                continue;
            }
            BigDecimal value = new BigDecimal(m.group("weight"));
            BigDecimal grams = "kg".equals(m.group("unit")) ? value.movePointRight(3) : value;
            readings.add(new Reading(grams.setScale(0, RoundingMode.HALF_UP).longValueExact(),
                    "NT".equals(m.group("mode")), !"ST".equals(m.group("status"))));
        }
        return readings;
    }

    @Override
    public long dropped() {
        return dropped + lines.dropped();
    }

    public static byte[] line(long grams, boolean stable) {
        return String.format("%s,GS,%+010.3fkg\r\n", stable ? "ST" : "US", BigDecimal.valueOf(grams, 3))
                .getBytes(StandardCharsets.US_ASCII);
    }
}

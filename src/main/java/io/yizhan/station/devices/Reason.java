package io.yizhan.station.devices;

import io.yizhan.station.shared.Translations;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Why a device is in its state, or why a print job waits: a translation key and its arguments, so
 * staff read it in their language. Stored as {@code key|arg|arg}.
 */
public record Reason(String key, List<String> args) {

    public static Reason of(String key, Object... args) {
        return new Reason(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    public String render(Locale locale) {
        return Translations.translate(key, locale, args.toArray());
    }

    public String encode() {
        return String.join("|", java.util.stream.Stream.concat(java.util.stream.Stream.of(key),
                args.stream().map(a -> a.replace('|', '/'))).toList());
    }

    public static Reason decode(String stored) {
        String[] parts = stored.split("\\|", -1);
        return new Reason(parts[0], List.of(parts).subList(1, parts.length));
    }
}

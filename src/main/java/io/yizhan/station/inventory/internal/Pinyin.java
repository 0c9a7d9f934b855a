package io.yizhan.station.inventory.internal;

import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Pinyin initials of a name, so a clerk finds 苹果 by typing {@code pg}: each Chinese character gives
 * the first letter of its first reading (pinyin4j), letters and digits stay as they are (lower case),
 * everything else is left out.
 */
public final class Pinyin {

    private Pinyin() {
    }

    public static String initials(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128) {
                if (Character.isLetterOrDigit(c)) {
                    out.append(Character.toLowerCase(c));
                }
                continue;
            }
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
            if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                out.append(readings[0].toLowerCase(Locale.ROOT).charAt(0));
            }
        }
        return out.length() > 80 ? out.substring(0, 80) : out.toString();
    }
}

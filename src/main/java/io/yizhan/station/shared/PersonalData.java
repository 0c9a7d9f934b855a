package io.yizhan.station.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks phone and ID numbers wherever text is shown or logged: 138****5678, 1101**********1234. */
public final class PersonalData {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)(\\d{4})\\d{10}(\\d{3}[\\dXx])(?![\\dXx])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1\\d{2})\\d{4}(\\d{4})(?!\\d)");

    private PersonalData() {
    }

    /** Masks one phone number: keeps the first three and last four digits of a mobile number. */
    public static String maskPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() >= 7) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "****";
    }

    /** Masks one resident ID number: the first four and last four characters, 1101**********1234. */
    public static String maskIdNumber(String id) {
        String s = id.strip();
        return s.length() >= 8 ? s.substring(0, 4) + "*".repeat(Math.max(0, s.length() - 8)) + s.substring(s.length() - 4) : "****";
    }

    /** Masks an account number (bank card, WeChat id): only its last four characters show. */
    public static String maskAccount(String account) {
        String s = account.replaceAll("\\s", "");
        return s.length() > 4 ? "****" + s.substring(s.length() - 4) : "****";
    }

    /** Masks a person's name for a screen others may see: 刘大爷 → 刘*爷, 王芳 → 王*. */
    public static String maskName(String name) {
        if (name.length() <= 1) {
            return name;
        }
        if (name.length() == 2) {
            return name.charAt(0) + "*";
        }
        return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
    }

    /** Masks every mobile and resident-ID number inside free text. */
    public static String mask(String text) {
        String once = replace(ID_NUMBER.matcher(text), "$1**********$2");
        return replace(MOBILE.matcher(once), "$1****$2");
    }

    private static String replace(Matcher matcher, String replacement) {
        return matcher.replaceAll(replacement);
    }
}

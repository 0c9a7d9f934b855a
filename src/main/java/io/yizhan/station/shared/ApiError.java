package io.yizhan.station.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The API's error body {@code {code, message}}: a stable code for programs and a message in the
 * request's language (Simplified Chinese unless {@code Accept-Language} asks for 繁體 or English).
 */
public record ApiError(String code, String message) {

    /** Builds the error with the message translated from {@code messageKey} for this request. */
    public static ApiError of(String code, String messageKey, HttpServletRequest request, Object... params) {
        return new ApiError(code, Translations.translate(messageKey, locale(request), params));
    }

    public static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Translations.SIMPLIFIED
                : Translations.supported(request.getLocale());
    }

    /** Writes this error as the whole response (for filters, before any controller runs). */
    public void write(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"code\":\"" + json(code) + "\",\"message\":\"" + json(message) + "\"}");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

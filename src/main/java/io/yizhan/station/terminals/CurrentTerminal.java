package io.yizhan.station.terminals;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The terminal the current request comes from. Every request is resolved from the browser's cookie
 * by a filter; a Vaadin session also remembers the terminal its UI was opened on.
 */
public final class CurrentTerminal {

    /** Request attribute holding the resolved {@link Terminal}. */
    public static final String TERMINAL_ATTRIBUTE = "yizhan.terminal";
    /** Request attribute holding the browser's raw token (paired or not). */
    public static final String TOKEN_ATTRIBUTE = "yizhan.browserToken";

    private CurrentTerminal() {
    }

    public static Optional<Terminal> get() {
        HttpServletRequest request = request();
        if (request != null && request.getAttribute(TERMINAL_ATTRIBUTE) instanceof Terminal t) {
            return Optional.of(t);
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(Terminal.class) instanceof Terminal t) {
            return Optional.of(t);
        }
        return Optional.empty();
    }

    /** A short name for logs and the audit log: the terminal id, or "unpaired". */
    public static String name() {
        return get().map(t -> t.id().value()).orElse("unpaired");
    }

    public static Optional<String> browserToken() {
        HttpServletRequest request = request();
        if (request != null && request.getAttribute(TOKEN_ATTRIBUTE) instanceof String token) {
            return Optional.of(token);
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(TOKEN_ATTRIBUTE) instanceof String token) {
            return Optional.of(token);
        }
        return Optional.empty();
    }

    private static @Nullable HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? attrs.getRequest() : null;
    }
}

package io.yizhan.station.terminals.internal;

import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalKind;
import io.yizhan.station.terminals.Terminals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves every request's terminal from the browser cookie and gives a new browser its token on
 * its first page load. In demo mode a new kiosk or counter browser pairs itself here. An API caller
 * without a paired cookie (a program, a test) names one of the station's counters in the
 * {@code X-Terminal} header.
 */
class TerminalCookieFilter extends OncePerRequestFilter {

    static final String COOKIE = "YIZHAN_TERMINAL";
    static final String HEADER = "X-Terminal";
    private static final Duration LIFETIME = Duration.ofDays(3650);

    private final Terminals terminals;

    TerminalCookieFilter(Terminals terminals) {
        this.terminals = terminals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = cookie(request).filter(terminals::knows).orElse(null);
        if (token == null && isPageLoad(request)) {
            token = terminals.newBrowser();
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token)
                    .httpOnly(true).secure(request.isSecure() || isLoopback(request)).sameSite("Strict")
                    .path("/").maxAge(LIFETIME).build().toString());
        }
        if (token != null) {
            String browser = token;
            request.setAttribute(CurrentTerminal.TOKEN_ATTRIBUTE, browser);
            var terminal = terminals.terminalOf(browser);
            if (terminal.isEmpty() && isPageLoad(request)) {
                terminal = kindWanted(request).flatMap(kind -> terminals.selfPair(browser, kind));
            }
            terminal.ifPresent(t -> request.setAttribute(CurrentTerminal.TERMINAL_ATTRIBUTE, t));
        }
        if (request.getAttribute(CurrentTerminal.TERMINAL_ATTRIBUTE) == null) {
            // an API caller without a paired browser names a counter of station.yml
            apiCounter(request).ifPresent(t -> request.setAttribute(CurrentTerminal.TERMINAL_ATTRIBUTE, t));
        }
        chain.doFilter(request, response);
    }

    /** The counter named in {@value #HEADER} of an API request, if it is one of the station's counters. */
    private Optional<Terminal> apiCounter(HttpServletRequest request) {
        String name = request.getHeader(HEADER);
        if (name == null || name.isBlank() || !request.getRequestURI().startsWith("/api/")) {
            return Optional.empty();
        }
        return terminals.all().stream().filter(t -> t.kind() == TerminalKind.COUNTER && t.id().value().equals(name.strip())).findFirst();
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && !c.getValue().isBlank()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** A top-level page of the UI (not a resource, not the API): where a browser becomes known. */
    private static boolean isPageLoad(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getParameter("v-r") != null) {
            return false;
        }
        // a browser asks for a page; a monitoring probe (curl, health checks) must not become a terminal
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) {
            return false;
        }
        String path = request.getRequestURI();
        return path.equals("/") || path.startsWith("/kiosk") || path.startsWith("/counter")
                || path.startsWith("/login") || path.startsWith("/pair") || path.startsWith("/display");
    }

    private static Optional<TerminalKind> kindWanted(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.equals("/") || path.startsWith("/kiosk")) {
            return Optional.of(TerminalKind.KIOSK);
        }
        if (path.startsWith("/counter") || path.startsWith("/login")) {
            return Optional.of(TerminalKind.COUNTER);
        }
        if (path.startsWith("/display")) {
            return Optional.of(TerminalKind.DISPLAY);
        }
        return Optional.empty();
    }

    private static boolean isLoopback(HttpServletRequest request) {
        String host = request.getServerName();
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }
}

package io.yizhan.station.support;

import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalId;
import io.yizhan.station.terminals.TerminalKind;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Makes the calling thread act at a counter terminal of {@code station.yml}, as a request from that
 * counter's paired browser would: cash lands in that counter's drawer session.
 */
public final class AtCounter {

    private AtCounter() {
    }

    public static void bind(String terminal) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(CurrentTerminal.TERMINAL_ATTRIBUTE, new Terminal(new TerminalId(terminal), TerminalKind.COUNTER));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    /** As if the caller were the kiosk (or another terminal) of this name and kind. */
    public static void bindAs(String terminal, TerminalKind kind) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(CurrentTerminal.TERMINAL_ATTRIBUTE, new Terminal(new TerminalId(terminal), kind));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    public static void unbind() {
        RequestContextHolder.resetRequestAttributes();
    }
}

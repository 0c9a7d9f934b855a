package io.yizhan.station.terminals.internal;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinRequest;
import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.Terminal;
import org.springframework.stereotype.Component;

/** Remembers in the Vaadin session which terminal and browser a UI was opened from. */
@Component
class TerminalSessionBinding implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            if (request == null) {
                return;
            }
            var session = init.getUI().getSession();
            session.setAttribute(Terminal.class,
                    request.getAttribute(CurrentTerminal.TERMINAL_ATTRIBUTE) instanceof Terminal t ? t : null);
            Object token = request.getAttribute(CurrentTerminal.TOKEN_ATTRIBUTE);
            session.setAttribute(CurrentTerminal.TOKEN_ATTRIBUTE, token);
        });
    }
}

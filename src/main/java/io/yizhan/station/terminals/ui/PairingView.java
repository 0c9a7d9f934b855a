package io.yizhan.station.terminals.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.PairingException;
import io.yizhan.station.terminals.Terminal;
import io.yizhan.station.terminals.TerminalKind;
import io.yizhan.station.terminals.Terminals;
import org.jspecify.annotations.Nullable;

/**
 * What an unpaired browser sees in live mode: a pairing code for a manager to enter at a counter,
 * or, when a manager is signed in on this very browser, a choice of terminal to pair it with. The
 * screen checks every few seconds and moves on by itself once paired.
 */
@Route("pair")
@AnonymousAllowed
public class PairingView extends Div implements HasDynamicTitle {

    private final Terminals terminals;
    private @Nullable Registration poll;

    public PairingView(Terminals terminals, AuthenticationContext auth) {
        this.terminals = terminals;
        addClassName("pairing-page");
        H1 title = new H1(getTranslation("pairing.title"));
        add(title);
        String token = CurrentTerminal.browserToken().orElse(null);
        if (token == null) {
            add(new Paragraph(getTranslation("pairing.no-cookie")));
            return;
        }
        CurrentTerminal.get().ifPresent(t -> add(new Paragraph(getTranslation("pairing.current", t.id().value()))));
        add(new Paragraph(getTranslation("pairing.code.help")));
        Span code = new Span(spaced(terminals.pairingCode(token)));
        code.setId("pairing-code");
        code.addClassName("pairing-code");
        add(code);
        if (auth.hasRole("MANAGER")) {
            Select<Terminal> target = new Select<>();
            target.setId("pairing-terminal");
            target.setLabel(getTranslation("pairing.here.terminal"));
            target.setItems(terminals.all());
            target.setItemLabelGenerator(t -> t.id().value() + " · " + getTranslation("terminals.kind." + t.kind().name().toLowerCase()));
            Button pair = new Button(getTranslation("pairing.here.button"), e -> {
                if (target.getValue() == null) {
                    return;
                }
                try {
                    Terminal paired = terminals.pairBrowser(token, target.getValue().id(), auth.getPrincipalName().orElseThrow());
                    goTo(paired);
                } catch (PairingException ex) {
                    Notification.show(getTranslation(ex.messageKey())).addThemeVariants(NotificationVariant.ERROR);
                }
            });
            pair.setId("pairing-here");
            pair.addThemeVariants(ButtonVariant.PRIMARY);
            Div here = new Div(new Paragraph(getTranslation("pairing.here.help")), target, pair);
            here.addClassName("pairing-here");
            add(here);
        } else {
            add(new Paragraph(new Anchor("/login", getTranslation("pairing.sign-in"))));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(3000);
        poll = ui.addPollListener(e -> CurrentTerminal.browserToken().flatMap(terminals::terminalOf).ifPresent(this::goTo));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void goTo(Terminal terminal) {
        // a full page load, so the new terminal is picked up everywhere
        UI.getCurrent().getPage().setLocation(switch (terminal.kind()) {
            case KIOSK -> "/kiosk";
            case COUNTER -> "/counter";
            case DISPLAY -> "/display";
        });
    }

    private static String spaced(String code) {
        return code.substring(0, 3) + " " + code.substring(3);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.pairing");
    }
}

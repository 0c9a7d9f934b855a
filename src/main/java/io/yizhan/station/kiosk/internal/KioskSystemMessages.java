package io.yizhan.station.kiosk.internal;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.yizhan.station.shared.Translations;
import org.springframework.stereotype.Component;

/**
 * A lost server session never shows Vaadin's "session expired" box: the page silently reloads.
 * A reloaded kiosk starts a new session, which always opens the home screen; a counter reload
 * leads to the sign-in page.
 */
@Component
class KioskSystemMessages implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> {
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(false);
            messages.setCookiesDisabledNotificationEnabled(true);
            messages.setCookiesDisabledCaption(Translations.translate("system.cookies.caption", info.getLocale()));
            messages.setCookiesDisabledMessage(Translations.translate("system.cookies.message", info.getLocale()));
            return messages;
        });
    }
}

package io.yizhan.station.counter.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.yizhan.station.shared.PersonalData;
import io.yizhan.station.shared.RefusedException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Any unexpected error on a screen: logged with a short reference (personal numbers masked) and
 * shown to the user as a plain-language notification with that reference, never a stack trace. A
 * refusal ({@link RefusedException}) a screen left to it is shown in its own words.
 */
@Component
class FriendlyErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        for (Throwable t = event.getThrowable(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RefusedException refused) {
                // a refusal a screen did not handle itself (say, no open drawer session): its own words, not "unexpected"
                log.info("Refused on a screen: {}", refused.messageKey());
                UI ui = UI.getCurrent();
                if (ui != null) {
                    ui.access(() -> Notification.show(ui.getTranslation(refused.messageKey()), 8000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.ERROR));
                }
                return;
            }
        }
        String reference = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        Throwable cause = event.getThrowable();
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        log.error("Screen error [{}]: {} (root cause {}: {}) at {}", reference, cause.getClass().getName(),
                root.getClass().getName(), PersonalData.mask(String.valueOf(root.getMessage())),
                root.getStackTrace().length > 0 ? root.getStackTrace()[0] : "?");
        if (log.isDebugEnabled()) {
            log.debug("Stack of [{}]", reference, cause);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> {
                Notification n = Notification.show(ui.getTranslation("error.unexpected", reference), 8000,
                        Notification.Position.MIDDLE);
                n.addThemeVariants(NotificationVariant.ERROR);
            });
        }
    }
}

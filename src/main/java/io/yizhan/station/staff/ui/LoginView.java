package io.yizhan.station.staff.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yizhan.station.shared.DemoBadge;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.SignInLockedException;
import io.yizhan.station.terminals.CurrentTerminal;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;

/** Counter sign-in: a form posting {@code username} and {@code password} to {@code /login}. */
@Route("login")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final StationTime time;
    private final Paragraph lock = new Paragraph();

    public LoginView(StationProperties station, StationTime time) {
        this.time = time;
        addClassName("login-page");
        H1 title = new H1(getTranslation("login.title", station.station().name()));
        Div card = new Div(title);
        card.addClassName("login-card");
        if (station.demo()) {
            card.add(new DemoBadge());
            Paragraph hint = new Paragraph(getTranslation("login.demo-hint"));
            hint.addClassName("login-hint");
            card.add(hint);
        }
        card.add(new Paragraph(getTranslation("login.terminal", CurrentTerminal.name())));
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.form.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");
        lock.setId("login-locked");
        lock.addClassName("login-locked");
        lock.getElement().setAttribute("role", "alert");
        lock.setVisible(false);
        card.add(lock, form);
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        form.setError(true);
        if (VaadinServletRequest.getCurrent() instanceof VaadinServletRequest request) {
            HttpSession session = request.getHttpServletRequest().getSession(false);
            Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (last instanceof SignInLockedException locked) {
                form.setError(false);
                lock.setText(getTranslation("login.locked", time.time(locked.until())));
                lock.setVisible(true);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.login");
    }
}

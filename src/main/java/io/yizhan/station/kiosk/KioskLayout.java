package io.yizhan.station.kiosk;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import io.yizhan.station.kiosk.internal.VoicePrompts;
import io.yizhan.station.kiosk.ui.KioskHomeView;
import io.yizhan.station.shared.DemoBadge;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.TerminalKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The frame of every kiosk screen: station name, large Back and Home, "再听一遍" when voice is on,
 * and the idle watch. Untouched for {@code yizhan.kiosk.idle-seconds}, it shows a countdown with a
 * large "继续使用" button; when the countdown ends it goes home and forgets everything the resident
 * entered or chose.
 */
@AnonymousAllowed
public class KioskLayout extends Div implements RouterLayout, BeforeEnterObserver, AfterNavigationObserver,
        LocaleChangeObserver {

    /** Route of the pairing screen an unpaired browser sees in live mode. */
    public static final String PAIRING_ROUTE = "pair";
    private static final String SESSION_STARTED = "yizhan.kiosk.started";

    private final StationProperties station;
    private final VoicePrompts voice;
    private final IdleTimer idle;
    private final Main content = new Main();
    private final Span stationName = new Span();
    private final NativeButton repeat = new NativeButton();
    private final NativeButton back = new NativeButton();
    private final NativeButton home = new NativeButton();
    private final Div overlay = new Div();
    private final Paragraph overlayText = new Paragraph();
    private final NativeButton stay = new NativeButton();
    private final Element audio = new Element("audio");
    private @Nullable KioskScreen screen;
    private @Nullable Registration poll;

    public KioskLayout(Clock clock, KioskProperties properties, StationProperties station, VoicePrompts voice,
                       java.util.List<KioskFrameItem> frameItems) {
        this.station = station;
        this.voice = voice;
        this.idle = new IdleTimer(clock, Duration.ofSeconds(properties.idleSeconds()),
                Duration.ofSeconds(properties.countdownSeconds()));
        addClassName("kiosk");
        setId("kiosk");

        stationName.addClassName("kiosk-station");
        Div left = new Div(stationName);
        left.addClassName("kiosk-header-left");
        if (station.demo()) {
            left.add(new DemoBadge());
        }
        repeat.setId("kiosk-repeat");
        repeat.addClassNames("kiosk-button", "secondary");
        repeat.addClickListener(e -> speakPrompt());
        back.setId("kiosk-back");
        back.addClassNames("kiosk-button", "secondary");
        back.addClickListener(e -> UI.getCurrent().getPage().getHistory().back());
        home.setId("kiosk-home");
        home.addClassNames("kiosk-button", "primary");
        home.addClickListener(e -> UI.getCurrent().navigate(KioskHomeView.class));
        Div right = new Div(repeat, back, home);
        right.addClassName("kiosk-header-right");
        Header header = new Header(left, right);
        header.addClassName("kiosk-header");

        content.addClassName("kiosk-content");

        overlay.addClassName("kiosk-idle");
        overlay.setId("kiosk-idle");
        overlay.getElement().setAttribute("role", "alertdialog");
        overlay.getElement().setAttribute("aria-modal", "true");
        overlay.getElement().setAttribute("aria-labelledby", "kiosk-idle-text");
        overlayText.setId("kiosk-idle-text");
        overlayText.addClassName("kiosk-idle-text");
        stay.setId("kiosk-stay");
        stay.addClassNames("kiosk-button", "primary", "huge");
        stay.addClickListener(e -> {
            idle.touch();
            overlay.setVisible(false);
        });
        Div box = new Div(overlayText, stay);
        box.addClassName("kiosk-idle-box");
        overlay.add(box);
        overlay.setVisible(false);

        audio.setAttribute("id", "kiosk-voice");
        audio.setAttribute("preload", "auto");
        add(header, content, overlay);
        getElement().appendChild(audio);
        frameItems.forEach(item -> add(item.create()));

        // any touch or key press on the kiosk counts as activity
        getElement().addEventListener("pointerdown", e -> idle.touch());
        getElement().addEventListener("keydown", e -> idle.touch());
        updateTexts();
    }

    /** The kiosk frame around the current screen. */
    public static KioskLayout current() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().stream()
                .filter(KioskLayout.class::isInstance).map(KioskLayout.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("not on a kiosk screen"));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        KioskVisit visit = KioskVisit.current();
        if (!ui.getLocale().equals(visit.locale())) {
            ui.setLocale(visit.locale());
        }
        applyVisit(visit);
        setLang(visit.locale());
        ui.getElement().getClassList().add("kiosk-page");
        connectionTexts(ui);
        ui.setPollInterval(1000);
        poll = ui.addPollListener(e -> tick());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        event.getUI().setPollInterval(-1);
        event.getUI().getElement().getClassList().remove("kiosk-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean kiosk = CurrentTerminal.get().map(t -> t.kind() == TerminalKind.KIOSK).orElse(false);
        if (!kiosk && !station.demo()) {
            event.rerouteTo(PAIRING_ROUTE);
            return;
        }
        // a new session (first visit, or the server lost the old one) always starts at home
        var session = UI.getCurrent().getSession();
        if (session.getAttribute(SESSION_STARTED) == null) {
            session.setAttribute(SESSION_STARTED, Boolean.TRUE);
            if (event.getNavigationTarget() != KioskHomeView.class) {
                event.forwardTo(KioskHomeView.class);
            }
        }
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        content.getElement().appendChild(view.getElement());
        screen = view instanceof KioskScreen s ? s : null;
        boolean nav = screen == null || screen.showsNavigation();
        back.setVisible(nav);
        home.setVisible(nav);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        idle.touch();
        overlay.setVisible(false);
        speakPrompt();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
        setLang(event.getLocale());
    }

    /** Called every second (UI poll): shows the countdown, then resets the kiosk. */
    public void tick() {
        switch (idle.state()) {
            case ACTIVE -> overlay.setVisible(false);
            case COUNTDOWN -> {
                if (nothingToForget()) {
                    idle.touch();
                    return;
                }
                overlayText.setText(getTranslation("kiosk.idle.countdown", idle.secondsLeft()));
                overlay.setVisible(true);
            }
            case EXPIRED -> resetForNextResident();
        }
    }

    /** Home screen, default language and size, voice off: nothing of the last resident remains. */
    public void resetForNextResident() {
        overlay.setVisible(false);
        KioskVisit visit = KioskVisit.reset();
        UI ui = UI.getCurrent();
        ui.setLocale(visit.locale());
        applyVisit(visit);
        ui.navigate(KioskHomeView.class);
        if (screen instanceof KioskHomeView homeView) {
            homeView.refresh();
        }
        idle.touch();
    }

    private boolean nothingToForget() {
        return screen instanceof KioskHomeView && KioskVisit.current().isFresh();
    }

    /** Applies the resident's text size and voice choice to the whole kiosk. */
    public void applyVisit(KioskVisit visit) {
        getElement().getStyle().set("--kiosk-scale", String.valueOf(visit.scale()));
        // the connection indicator sits outside the kiosk frame, on the page: it follows the text size too
        getUI().ifPresent(ui -> ui.getElement().getStyle().set("--kiosk-scale", String.valueOf(visit.scale())));
        repeat.setVisible(visit.voiceOn() && voice.available());
    }

    /** Speaks the current screen's prompt when voice is on. */
    public void speakPrompt() {
        KioskVisit visit = KioskVisit.current();
        if (screen == null || !visit.voiceOn()) {
            return;
        }
        voice.speak(screen.spokenText().orElseGet(() -> getTranslation(screen.promptKey())), visit.locale()).ifPresent(file -> {
            audio.setAttribute("src", "/voice/" + file);
            audio.executeJs("this.currentTime = 0; this.play().catch(() => {})");
        });
    }

    /** The audio file the kiosk was last told to play (for tests and diagnostics). */
    public String currentAudio() {
        return audio.getAttribute("src") == null ? "" : audio.getAttribute("src");
    }

    public boolean countdownVisible() {
        return overlay.isVisible();
    }

    private void updateTexts() {
        stationName.setText(getTranslation("kiosk.station", station.station().name()));
        repeat.setText(getTranslation("kiosk.repeat"));
        back.setText(getTranslation("kiosk.back"));
        home.setText(getTranslation("kiosk.home"));
        stay.setText(getTranslation("kiosk.idle.stay"));
        getUI().ifPresent(this::connectionTexts);
    }

    /** What the connection indicator says, in words and in the kiosk's language, when the link to the station drops. */
    private void connectionTexts(UI ui) {
        ui.getReconnectDialogConfiguration().setDialogText(getTranslation("kiosk.connection.lost"));
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(getTranslation("kiosk.connection.gave-up"));
        // the indicator's own words for "back online" and "offline" too (its defaults are English)
        ui.getPage().executeJs("""
                const indicator = document.querySelector('vaadin-connection-indicator');
                if (indicator) { indicator.onlineText = $0; indicator.offlineText = $1; indicator.reconnectingText = $2; }""",
                getTranslation("kiosk.connection.back"), getTranslation("kiosk.connection.gave-up"),
                getTranslation("kiosk.connection.lost"));
    }

    private void setLang(Locale locale) {
        UI.getCurrent().getElement().executeJs("document.documentElement.lang = $0",
                io.yizhan.station.shared.Translations.languageTag(locale));
    }
}

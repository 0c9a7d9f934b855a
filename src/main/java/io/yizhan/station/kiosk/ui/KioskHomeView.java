package io.yizhan.station.kiosk.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yizhan.station.kiosk.KioskLayout;
import io.yizhan.station.kiosk.KioskScreen;
import io.yizhan.station.kiosk.KioskTile;
import io.yizhan.station.kiosk.KioskVisit;
import io.yizhan.station.kiosk.internal.VoicePrompts;
import java.util.Comparator;
import java.util.List;

/** The kiosk's first screen: one big tile per working service, and voice, size and language. */
@Route(value = "kiosk", layout = KioskLayout.class)
@AnonymousAllowed
public class KioskHomeView extends Div implements KioskScreen, HasDynamicTitle {

    private final NativeButton voiceToggle = new NativeButton();
    private final NativeButton sizeToggle = new NativeButton();
    private final NativeButton language = new NativeButton();
    private final H1 title = new H1();
    private final Div tiles = new Div();
    private final List<KioskTile> available;
    private final VoicePrompts voice;

    public KioskHomeView(List<KioskTile> tiles, VoicePrompts voice) {
        this.available = tiles.stream().filter(KioskTile::works).sorted(Comparator.comparingInt(KioskTile::order).thenComparing(KioskTile::id)).toList();
        this.voice = voice;
        addClassName("kiosk-home");
        this.tiles.addClassName("kiosk-tiles");

        voiceToggle.setId("kiosk-voice-toggle");
        voiceToggle.addClassNames("kiosk-button", "setting");
        voiceToggle.addClickListener(e -> {
            KioskVisit visit = KioskVisit.current();
            visit.voiceOn(!visit.voiceOn());
            layout().applyVisit(visit);
            refresh();
            layout().speakPrompt();
        });
        sizeToggle.setId("kiosk-size-toggle");
        sizeToggle.addClassNames("kiosk-button", "setting");
        sizeToggle.addClickListener(e -> {
            KioskVisit visit = KioskVisit.current();
            visit.nextScale();
            layout().applyVisit(visit);
            refresh();
        });
        language.setId("kiosk-language");
        language.addClassNames("kiosk-button", "setting");
        language.addClickListener(e -> UI.getCurrent().navigate(LanguageView.class));
        Div settings = new Div(voiceToggle, sizeToggle, language);
        settings.addClassName("kiosk-settings");
        add(title, this.tiles, settings);
        refresh();
    }

    @Override
    public String promptKey() {
        return "kiosk.home.prompt";
    }

    @Override
    public boolean showsNavigation() {
        return false;
    }

    /** Re-renders texts for the current language and choices. */
    public void refresh() {
        KioskVisit visit = KioskVisit.current();
        title.setText(getTranslation("kiosk.home.title"));
        tiles.removeAll();
        for (KioskTile tile : available) {
            NativeButton button = new NativeButton();
            button.setId("tile-" + tile.id());
            button.addClassName("kiosk-tile");
            Span icon = new Span(tile.icon().create());
            icon.addClassName("kiosk-tile-icon");
            icon.getElement().setAttribute("aria-hidden", "true");
            Span text = new Span(getTranslation(tile.titleKey()));
            text.addClassName("kiosk-tile-text");
            button.add(icon, text);
            button.addClickListener(e -> UI.getCurrent().navigate(tile.target()));
            tiles.add(button);
        }
        if (voice.available()) {
            voiceToggle.setEnabled(true);
            voiceToggle.setText(getTranslation(visit.voiceOn() ? "kiosk.voice.on" : "kiosk.voice.off"));
            voiceToggle.getElement().setAttribute("aria-pressed", String.valueOf(visit.voiceOn()));
        } else {
            voiceToggle.setEnabled(false);
            voiceToggle.setText(getTranslation("kiosk.voice.unavailable"));
            voiceToggle.getElement().removeAttribute("aria-pressed");
        }
        sizeToggle.setText(getTranslation("kiosk.size." + visit.scaleIndex()));
        language.setText(getTranslation("kiosk.language.button"));
    }

    private KioskLayout layout() {
        return KioskLayout.current();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.kiosk.home");
    }
}

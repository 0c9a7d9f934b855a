package io.yizhan.station.kiosk.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yizhan.station.kiosk.KioskLayout;
import io.yizhan.station.kiosk.KioskScreen;
import io.yizhan.station.kiosk.KioskVisit;
import io.yizhan.station.shared.Translations;
import java.util.Locale;

/** Choose the language: three huge buttons, each written in its own language. */
@Route(value = "kiosk/language", layout = KioskLayout.class)
@AnonymousAllowed
public class LanguageView extends Div implements KioskScreen, HasDynamicTitle {

    public LanguageView() {
        addClassName("kiosk-language");
        H1 title = new H1(getTranslation("kiosk.language.title"));
        Div choices = new Div(
                choice("lang-zh-hans", getTranslation("language.zh-CN"), "zh-Hans", Translations.SIMPLIFIED),
                choice("lang-zh-hant", getTranslation("language.zh-TW"), "zh-Hant", Translations.TRADITIONAL),
                choice("lang-en", getTranslation("language.en"), "en", Translations.ENGLISH));
        choices.addClassName("kiosk-choices");
        add(title, choices);
    }

    private NativeButton choice(String id, String name, String lang, Locale locale) {
        NativeButton button = new NativeButton(name, e -> {
            KioskVisit.current().locale(locale);
            UI ui = UI.getCurrent();
            ui.setLocale(locale);
            ui.navigate(KioskHomeView.class);
        });
        button.setId(id);
        button.getElement().setAttribute("lang", lang);
        button.addClassNames("kiosk-button", "choice");
        if (locale.equals(KioskVisit.current().locale())) {
            button.addClassName("selected");
            button.getElement().setAttribute("aria-current", "true");
        }
        return button;
    }

    @Override
    public String promptKey() {
        return "kiosk.language.prompt";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.kiosk.language");
    }
}

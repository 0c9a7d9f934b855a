package io.yizhan.station.shared;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * The station's UI text: {@code vaadin-i18n/translations.properties} (简体, the default),
 * {@code translations_zh_TW.properties} (繁體) and {@code translations_en.properties}. Unlike a plain
 * resource bundle lookup, the JVM's default locale never decides which language is shown.
 */
@Component
public class Translations implements I18NProvider, VaadinServiceInitListener {

    public static final Locale SIMPLIFIED = Locale.SIMPLIFIED_CHINESE;
    public static final Locale TRADITIONAL = Locale.TRADITIONAL_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(SIMPLIFIED, TRADITIONAL, ENGLISH);

    private static final String BUNDLE = "vaadin-i18n/translations";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Every screen starts in Simplified Chinese, whatever the browser prefers; people switch on screen. */
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setLocale(SIMPLIFIED));
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    /** The page's {@code lang} for a locale: zh-Hans, zh-Hant or en. */
    public static String languageTag(Locale locale) {
        Locale l = supported(locale);
        return l.equals(ENGLISH) ? "en" : l.equals(TRADITIONAL) ? "zh-Hant" : "zh-Hans";
    }

    /** One of the three supported locales for any requested one: en → English, zh-TW/HK/Hant → 繁體. */
    public static Locale supported(Locale requested) {
        if ("en".equals(requested.getLanguage())) {
            return ENGLISH;
        }
        if ("zh".equals(requested.getLanguage())) {
            String country = requested.getCountry();
            if ("Hant".equals(requested.getScript()) || "TW".equals(country) || "HK".equals(country) || "MO".equals(country)) {
                return TRADITIONAL;
            }
        }
        return SIMPLIFIED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return translate(key, locale, params);
    }

    public static String translate(String key, Locale locale, Object... params) {
        Locale target = supported(locale);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE,
                target.equals(SIMPLIFIED) ? Locale.ROOT : target, Translations.class.getClassLoader(), NO_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, target).format(params);
    }
}

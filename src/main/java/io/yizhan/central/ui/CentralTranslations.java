package io.yizhan.central.ui;

import com.vaadin.flow.i18n.I18NProvider;
import io.yizhan.station.shared.Translations;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Central's screens read the same translation files as the station's, with the same rule: zh-CN
 * (and any Chinese that is not Taiwan, Hong Kong, Macao or Hant) is 简体, never 繁體 by accident.
 */
@Component
class CentralTranslations implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Translations.LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Translations.translate(key, locale, params);
    }
}

package io.yizhan.station.inventory;

import io.yizhan.station.shared.Translations;
import java.math.BigDecimal;
import java.util.Locale;

/** Quantities as people read them: "3件", or grams as "1.255千克". */
public final class Quantities {

    private Quantities() {
    }

    public static String text(Unit unit, long quantity, Locale locale) {
        return unit == Unit.KG ? BigDecimal.valueOf(quantity, 3).toPlainString() + Translations.translate("inventory.unit.KG", locale)
                : quantity + Translations.translate("inventory.unit.PIECE", locale);
    }
}

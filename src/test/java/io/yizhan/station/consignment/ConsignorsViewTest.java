package io.yizhan.station.consignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.yizhan.station.consignment.ui.ConsignorsView;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** 寄售人: nothing is registered before the consent is ticked; then the consignor is listed masked and found by the ID number. */
@StationTest
@ViewPackages(packages = "io.yizhan.station")
class ConsignorsViewTest extends SpringBrowserlessTest {

    @Autowired
    SecurityContextHolderStrategy security;

    @BeforeEach
    void clerk() {
        SignedIn.as(security, "clerk", Role.CLERK);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
    }

    @AfterEach
    void out() {
        SignedIn.out(security);
    }

    @Test
    void consentFirstThenRegisteredAndFoundByIdNumber() {
        navigate(ConsignorsView.class);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = String.format("4401%02d19%02d1%d2%d%03d", r.nextInt(10, 99), r.nextInt(40, 99), r.nextInt(0, 2), r.nextInt(0, 8), r.nextInt(1000));
        String id = first17 + IdNumbers.checkCharacter(first17);
        test($(TextField.class).id("consignor-name")).setValue("陈伯");
        test($(TextField.class).id("consignor-phone")).setValue("13712345678");
        test($(TextField.class).id("consignor-id")).setValue(id);
        test($(Button.class).id("consignor-register")).click();
        assertThat($(Paragraph.class).id("consignor-result").getText()).contains("勾选");
        test($(Checkbox.class).id("consignor-consent")).click();
        test($(Button.class).id("consignor-register")).click();
        assertThat($(Paragraph.class).id("consignor-result").getText()).startsWith("已登记：陈伯").contains("**********");
        test($(TextField.class).id("consignor-query")).setValue(id);
        @SuppressWarnings("unchecked")
        Grid<Consignor> list = $(Grid.class).id("consignor-list");
        assertThat(test(list).size()).isEqualTo(1);
        assertThat(test(list).getCellText(0, 1)).isEqualTo("137****5678");
    }
}

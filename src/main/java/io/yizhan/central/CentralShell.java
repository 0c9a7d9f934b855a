package io.yizhan.central;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.aura.Aura;
import com.vaadin.flow.component.dependency.StyleSheet;

/** Central's page shell: the theme (declared explicitly) and the shared plain-CSS styles. */
@Push
@StyleSheet(Aura.STYLESHEET)
@StyleSheet("styles/yizhan.css")
public class CentralShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("驿站总部 Yizhan Central");
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
    }
}

package io.yizhan.station;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.aura.Aura;

/** Page shell: theme (declared explicitly, Vaadin 25 needs it), our plain-CSS styles and push. */
@Push
@StyleSheet(Aura.STYLESHEET)
@StyleSheet("styles/yizhan.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("驿站 Yizhan");
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
    }
}

package io.yizhan.central.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yizhan.central.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;

/** The SMS sandbox: every message central sent or failed to send, newest first; phones masked. */
@Route(value = "sms", layout = CentralLayout.class)
@RolesAllowed("OPERATOR")
public class SmsView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public SmsView(Notifications notifications, @Value("${yizhan.central.zone:Asia/Shanghai}") ZoneId zone) {
        addClassName("counter-page");
        add(new H1(getTranslation("central.sms")), new Paragraph(getTranslation("central.sms.sandbox")));
        Grid<Notifications.Sms> grid = new Grid<>();
        grid.setId("sms");
        grid.addColumn(s -> TIME.format(s.createdAt().atZone(zone))).setHeader(getTranslation("central.sms.at")).setAutoWidth(true);
        grid.addColumn(Notifications.Sms::stationId).setHeader(getTranslation("central.station.id")).setAutoWidth(true);
        grid.addColumn(Notifications.Sms::maskedPhone)
                .setHeader(getTranslation("central.sms.phone")).setAutoWidth(true);
        grid.addComponentColumn(s -> {
            com.vaadin.flow.component.html.Span text = new com.vaadin.flow.component.html.Span(s.text());
            text.addClassName("cell-wrap");
            return text;
        }).setHeader(getTranslation("central.sms.text")).setFlexGrow(3);
        grid.addColumn(s -> getTranslation("central.sms.status." + s.status()) + (s.reason() == null ? "" : " · " + s.reason()))
                .setHeader(getTranslation("central.sms.status")).setAutoWidth(true);
        grid.setItems(notifications.recent(200));
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("central.title") + " · " + getTranslation("central.sms");
    }
}

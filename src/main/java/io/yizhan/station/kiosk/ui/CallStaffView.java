package io.yizhan.station.kiosk.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yizhan.station.kiosk.KioskLayout;
import io.yizhan.station.kiosk.KioskScreen;
import io.yizhan.station.kiosk.StaffCalls;
import io.yizhan.station.terminals.CurrentTerminal;

/** Opening this screen calls staff to this kiosk; it tells the resident someone is coming. */
@Route(value = "kiosk/call-staff", layout = KioskLayout.class)
@AnonymousAllowed
public class CallStaffView extends Div implements KioskScreen, BeforeEnterObserver, HasDynamicTitle {

    private final StaffCalls calls;
    private final Paragraph detail = new Paragraph();

    public CallStaffView(StaffCalls calls) {
        this.calls = calls;
        addClassName("kiosk-message");
        H1 title = new H1(getTranslation("kiosk.call-staff.done"));
        title.setId("call-staff-done");
        detail.addClassName("kiosk-lead");
        add(title, detail);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean rang = calls.call(CurrentTerminal.name());
        detail.setText(getTranslation(rang ? "kiosk.call-staff.detail" : "kiosk.call-staff.again"));
    }

    @Override
    public String promptKey() {
        return "kiosk.call-staff.prompt";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.kiosk.call-staff");
    }
}

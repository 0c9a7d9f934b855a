package io.yizhan.station.shared;

import com.vaadin.flow.component.html.Span;

/** The "演示数据 DEMO" badge every screen shows in demo mode, so nobody mistakes demo data for real. */
public class DemoBadge extends Span {

    public DemoBadge() {
        setText(getTranslation("demo.badge"));
        addClassName("demo-badge");
        getElement().setAttribute("role", "status");
    }
}

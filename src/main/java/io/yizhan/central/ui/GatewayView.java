package io.yizhan.central.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yizhan.central.PaymentGateway;
import io.yizhan.central.Stations;
import io.yizhan.contract.GatewayTrade;
import io.yizhan.station.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;

/** The payment gateway's day for one station: every trade it started, with its status and what was refunded. */
@Route(value = "gateway", layout = CentralLayout.class)
@RolesAllowed("OPERATOR")
public class GatewayView extends Div implements HasDynamicTitle {

    private final PaymentGateway gateway;
    private final Select<String> station = new Select<>();
    private final DatePicker day = new DatePicker();
    private final Grid<GatewayTrade> trades = new Grid<>();
    private final Paragraph totals = new Paragraph();

    public GatewayView(PaymentGateway gateway, Stations stations, @Value("${yizhan.central.zone:Asia/Shanghai}") ZoneId zone) {
        this.gateway = gateway;
        addClassName("counter-page");
        add(new H1(getTranslation("central.gateway")), new Paragraph(getTranslation("central.gateway.sandbox")));
        station.setId("gateway-station");
        station.setLabel(getTranslation("central.station.id"));
        station.setItems(stations.all().stream().map(Stations.Summary::id).toList());
        stations.all().stream().findFirst().ifPresent(s -> station.setValue(s.id()));
        day.setId("gateway-day");
        day.setLabel(getTranslation("central.gateway.day"));
        day.setValue(LocalDate.now(zone));
        Button show = new Button(getTranslation("central.gateway.show"), e -> refresh());
        show.setId("gateway-show");
        HorizontalLayout bar = new HorizontalLayout(station, day, show);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(bar);
        trades.setId("gateway-trades");
        trades.addColumn(GatewayTrade::outTradeNo).setHeader(getTranslation("central.gateway.trade")).setAutoWidth(true);
        trades.addColumn(t -> t.channel() == null ? "" : getTranslation("payments.channel." + t.channel()))
                .setHeader(getTranslation("central.gateway.channel")).setAutoWidth(true);
        trades.addColumn(t -> Money.yuan(t.amountFen())).setHeader(getTranslation("central.gateway.amount")).setAutoWidth(true);
        trades.addColumn(t -> getTranslation("central.gateway.status." + t.status())).setHeader(getTranslation("central.gateway.status"))
                .setAutoWidth(true);
        trades.addColumn(t -> t.refundedFen() == 0 ? "" : Money.yuan(t.refundedFen())).setHeader(getTranslation("central.gateway.refunded"))
                .setAutoWidth(true);
        trades.setAllRowsVisible(true);
        totals.setId("gateway-totals");
        add(totals, trades);
        refresh();
    }

    private void refresh() {
        if (station.getValue() == null || day.getValue() == null) {
            trades.setItems();
            totals.setText("");
            return;
        }
        var list = gateway.transactions(station.getValue(), day.getValue());
        trades.setItems(list);
        totals.setText(getTranslation("central.gateway.totals", list.size(),
                Money.yuan(list.stream().filter(GatewayTrade::paid).mapToLong(GatewayTrade::amountFen).sum())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("central.title") + " · " + getTranslation("central.gateway");
    }
}

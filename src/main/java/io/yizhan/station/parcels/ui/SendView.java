package io.yizhan.station.parcels.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.Scales;
import io.yizhan.station.devices.Weight;
import io.yizhan.station.parcels.ParcelRefused;
import io.yizhan.station.parcels.ParcelStatus;
import io.yizhan.station.parcels.Parcels;
import io.yizhan.station.parcels.Quote;
import io.yizhan.station.parcels.SendRequest;
import io.yizhan.station.parcels.Sending;
import io.yizhan.station.parcels.Shipment;
import io.yizhan.station.parcels.internal.Tariffs;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import io.yizhan.station.terminals.CurrentTerminal;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * 寄件: sender and recipient, province and address, courier, the weight from the counter scale
 * (or typed) and the size; the price updates as the clerk types. One button takes the cash, prints
 * the receipt and the waybill label; the waybill is then shown large.
 */
@Route(value = "counter/parcels/send", layout = CounterLayout.class)
@Menu(order = 25, title = "menu.counter.send")
@RolesAllowed(Role.CLERK_NAME)
public class SendView extends Div implements HasDynamicTitle {

    private final Sending sending;
    private final Scales scales;
    private final StationTime time;
    private final Clock clock;
    private final TextField senderName = new TextField();
    private final TextField senderPhone = new TextField();
    private final TextField recipientName = new TextField();
    private final TextField recipientPhone = new TextField();
    private final ComboBox<Tariffs.Province> province = new ComboBox<>();
    private final TextField address = new TextField();
    private final Select<String> courier = new Select<>();
    private final TextField weight = new TextField();
    private final IntegerField length = new IntegerField();
    private final IntegerField width = new IntegerField();
    private final IntegerField height = new IntegerField();
    private final Paragraph quote = new Paragraph();
    private final Button pay = new Button();
    private final Span lastWaybill = new Span();
    private final Paragraph today = new Paragraph();
    private final Grid<Shipment> recent = new Grid<>();

    public SendView(Sending sending, Scales scales, StationTime time, Clock clock) {
        this.sending = sending;
        this.scales = scales;
        this.time = time;
        this.clock = clock;
        addClassName("counter-page");
        add(new H1(getTranslation("parcels.send.title")));

        add(new H2(getTranslation("parcels.send.sender")));
        field(senderName, "sender-name", "parcels.send.name", 20);
        phoneField(senderPhone, "sender-phone");
        add(CounterForms.row(senderName, senderPhone));

        add(new H2(getTranslation("parcels.send.recipient")));
        field(recipientName, "recipient-name", "parcels.send.name", 20);
        phoneField(recipientPhone, "recipient-phone");
        province.setId("province");
        province.setLabel(getTranslation("parcels.send.province"));
        province.setItems(sending.provinces());
        boolean english = "en".equals(getLocale().getLanguage());
        province.setItemLabelGenerator(p -> english ? p.en() + " " + p.name() : p.name());
        field(address, "address", "parcels.send.address", 120);
        address.setMinWidth("24em");
        add(CounterForms.row(recipientName, recipientPhone, province, address));

        add(new H2(getTranslation("parcels.send.parcel")));
        courier.setId("courier");
        courier.setLabel(getTranslation("parcels.send.courier"));
        courier.setItems(sending.couriers());
        courier.setItemLabelGenerator(sending::courierName);
        courier.setValue(sending.couriers().getFirst());
        field(weight, "weight", "parcels.send.weight", 6);
        weight.setAllowedCharPattern("[0-9.]");
        Button readScale = new Button(getTranslation("parcels.send.read-scale"), e -> readScale());
        readScale.setId("read-scale");
        for (IntegerField side : new IntegerField[] {length, width, height}) {
            side.setMin(1);
            side.setMax(Sending.MAX_CM);
            side.setWidth("7em");
        }
        length.setId("length");
        length.setLabel(getTranslation("parcels.send.length"));
        width.setId("width");
        width.setLabel(getTranslation("parcels.send.width"));
        height.setId("height");
        height.setLabel(getTranslation("parcels.send.height"));
        add(CounterForms.row(courier, weight, readScale, length, width, height));

        quote.setId("quote");
        quote.addClassName("send-quote");
        quote.getElement().setAttribute("aria-live", "polite");
        pay.setId("send-pay");
        pay.addThemeVariants(ButtonVariant.PRIMARY);
        pay.addClickListener(e -> send());
        add(quote, pay);

        lastWaybill.setId("last-waybill");
        lastWaybill.addClassName("check-in-code");
        Div last = new Div(lastWaybill);
        last.addClassName("check-in-last");
        last.getElement().setAttribute("aria-live", "polite");
        today.setId("sent-today");
        add(last, today);

        add(new H2(getTranslation("parcels.send.recent")));
        recent.setId("recent-sent");
        recent.addColumn(Shipment::waybill).setHeader(getTranslation("parcels.waybill")).setAutoWidth(true);
        recent.addColumn(s -> sending.courierName(s.courier())).setHeader(getTranslation("parcels.courier")).setAutoWidth(true);
        recent.addColumn(Shipment::recipientName).setHeader(getTranslation("parcels.send.recipient")).setAutoWidth(true);
        recent.addColumn(s -> getTranslation("parcels.send.kg", s.chargeableKg())).setHeader(getTranslation("parcels.send.chargeable"))
                .setAutoWidth(true);
        recent.addColumn(s -> Money.yuan(s.priceFen())).setHeader(getTranslation("parcels.send.price")).setAutoWidth(true);
        recent.addColumn(s -> time.time(s.createdAt())).setHeader(getTranslation("parcels.send.at")).setAutoWidth(true);
        recent.setAllRowsVisible(true);
        add(recent);

        Stream.<HasValue<?, ?>>of(province, courier, weight, length, width, height)
                .forEach(f -> f.addValueChangeListener(e -> showQuote()));
        weight.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        showQuote();
        refresh();
    }

    private void field(TextField f, String id, String label, int max) {
        f.setId(id);
        f.setLabel(getTranslation(label));
        f.setMaxLength(max);
    }

    private void phoneField(TextField f, String id) {
        field(f, id, "parcels.send.phone", 13);
        f.setAllowedCharPattern("[0-9 ]");
    }


    /** The counter scale's stable reading, waited for up to two seconds. */
    private void readScale() {
        Optional<String> scale = scales.scaleAt(CurrentTerminal.name());
        if (scale.isEmpty()) {
            error(weight, getTranslation("parcels.send.no-scale"));
            return;
        }
        Optional<Weight> stable;
        try {
            stable = scales.waitForStable(scale.get(), Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (stable.isEmpty() || stable.get().grams() <= 0) {
            error(weight, getTranslation("parcels.send.scale-unsteady"));
            return;
        }
        weight.setInvalid(false);
        weight.setValue(BigDecimal.valueOf(stable.get().grams(), 3).stripTrailingZeros().toPlainString());
    }

    private @Nullable Long grams() {
        try {
            return weight.isEmpty() ? null : new BigDecimal(weight.getValue()).movePointRight(3).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return -1L;
        }
    }

    private Optional<Quote> currentQuote() {
        Long g = grams();
        if (province.isEmpty() || courier.isEmpty() || g == null) {
            return Optional.empty();
        }
        return Optional.of(sending.quote(courier.getValue(), province.getValue().code(), g, length.getValue(), width.getValue(),
                height.getValue()));
    }

    private void showQuote() {
        try {
            Optional<Quote> q = currentQuote();
            weight.setInvalid(false);
            if (q.isEmpty()) {
                quote.setText(getTranslation("parcels.send.quote.incomplete"));
                pay.setText(getTranslation("parcels.send.pay"));
                pay.setEnabled(false);
                return;
            }
            String text = getTranslation("parcels.send.quote", q.get().chargeableKg(), Money.yuan(q.get().priceFen()));
            if (q.get().volumetricGrams() > q.get().grams()) {
                text += getTranslation("parcels.send.quote.volumetric");
            }
            quote.setText(text);
            pay.setText(getTranslation("parcels.send.pay.amount", Money.yuan(q.get().priceFen())));
            pay.setEnabled(true);
        } catch (ParcelRefused e) {
            quote.setText(getTranslation(e.messageKey(), ""));
            pay.setText(getTranslation("parcels.send.pay"));
            pay.setEnabled(false);
        }
    }

    private void send() {
        Long g = grams();
        try {
            Shipment s = sending.send(new SendRequest(courier.getValue() == null ? "" : courier.getValue(), senderName.getValue(),
                    senderPhone.getValue(), recipientName.getValue(), recipientPhone.getValue(),
                    province.isEmpty() ? "" : province.getValue().code(), address.getValue(), g == null ? 0 : g,
                    length.getValue(), width.getValue(), height.getValue()));
            lastWaybill.setText(s.waybill());
            Notification.show(getTranslation("parcels.send.done", Money.yuan(s.priceFen()), s.waybill()), 5000,
                    Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.SUCCESS);
            Stream.of(senderName, senderPhone, recipientName, recipientPhone, address, weight).forEach(f -> {
                f.clear();
                f.setInvalid(false);
            });
            province.clear();
            length.clear();
            width.clear();
            height.clear();
            refresh();
            senderName.focus();
        } catch (ParcelRefused e) {
            String message = getTranslation(e.messageKey(), "");
            switch (e.code()) {
                case "BAD_NAME" -> error(senderName.getValue().isBlank() || senderName.getValue().length() > 20 ? senderName : recipientName,
                        message);
                case "BAD_PHONE" -> error(Parcels.isMobile(senderPhone.getValue()) ? recipientPhone : senderPhone, message);
                case "BAD_ADDRESS" -> error(address, message);
                case "BAD_WEIGHT" -> error(weight, message);
                default -> {
                }
            }
            Notification.show(message, 4000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
        }
    }

    private static void error(AbstractField<?, ?> f, String message) {
        if (f instanceof TextField t) {
            t.setErrorMessage(message);
            t.setInvalid(true);
            t.focus();
        }
    }

    private void refresh() {
        LocalDate day = LocalDate.now(clock.withZone(time.zone()));
        Sending.Sent sent = sending.sentSince(day.atStartOfDay(time.zone()).toInstant());
        today.setText(getTranslation("parcels.send.today", sent.count(), Money.yuan(sent.fen())));
        recent.setItems(sending.byStatus(ParcelStatus.AWAITING_COLLECTION, 20));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.send");
    }
}

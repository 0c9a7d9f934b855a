package io.yizhan.station.parcels.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.parcels.CheckIn;
import io.yizhan.station.parcels.Parcel;
import io.yizhan.station.parcels.ParcelRefused;
import io.yizhan.station.parcels.Parcels;
import io.yizhan.station.parcels.SizeClass;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 入库: scan a parcel (or type its waybill), key in the recipient's phone, Enter. The parcel just
 * checked in is shown large with its pickup code and shelf place while the shelf label prints; the
 * last ones and today's count stay in view. The waybill field is ready for the next scan at once.
 */
@Route(value = "counter/parcels/check-in", layout = CounterLayout.class)
@Menu(order = 10, title = "menu.counter.check-in")
@RolesAllowed(Role.CLERK_NAME)
public class CheckInView extends Div implements ScanConsumer, HasDynamicTitle {

    private final Parcels parcels;
    private final StationTime time;
    private final Clock clock;
    private final TextField waybill = new TextField();
    private final TextField phone = new TextField();
    private final Select<SizeClass> size = new Select<>();
    private final Checkbox cold = new Checkbox();
    private final TextField damage = new TextField();
    private final Span code = new Span();
    private final Paragraph place = new Paragraph();
    private final Paragraph today = new Paragraph();
    private final Grid<Parcel> recent = new Grid<>();
    private final List<Parcel> mine = new ArrayList<>();

    public CheckInView(Parcels parcels, StationTime time, Clock clock) {
        this.parcels = parcels;
        this.time = time;
        this.clock = clock;
        addClassName("counter-page");
        add(new H1(getTranslation("parcels.check-in.title")));

        waybill.setLabel(getTranslation("parcels.waybill"));
        waybill.setId("waybill");
        waybill.setMaxLength(32);
        waybill.setAutofocus(true);
        waybill.addKeyDownListener(Key.ENTER, e -> {
            showManifest();
            phone.focus();
        });
        phone.setLabel(getTranslation("parcels.phone"));
        phone.setId("phone");
        phone.setAllowedCharPattern("[0-9 ]");
        phone.setMaxLength(13);
        phone.addKeyDownListener(Key.ENTER, e -> checkIn());
        size.setLabel(getTranslation("parcels.size"));
        size.setId("size");
        size.setItems(SizeClass.values());
        size.setItemLabelGenerator(s -> getTranslation("parcels.size." + s.name()));
        size.setValue(SizeClass.SMALL);
        cold.setLabel(getTranslation("parcels.cold"));
        cold.setId("cold");
        damage.setLabel(getTranslation("parcels.damage"));
        damage.setId("damage");
        damage.setMaxLength(200);
        Button submit = new Button(getTranslation("parcels.check-in.button"), e -> checkIn());
        submit.setId("check-in");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout form = new HorizontalLayout(waybill, phone, size, cold, damage, submit);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        form.setWrap(true);
        add(form);

        code.setId("last-code");
        code.addClassName("check-in-code");
        place.setId("last-place");
        place.addClassName("check-in-place");
        Div last = new Div(code, place);
        last.addClassName("check-in-last");
        last.getElement().setAttribute("aria-live", "polite");
        today.setId("today-count");
        add(last, today);

        recent.setId("recent-check-ins");
        recent.addColumn(Parcel::pickupCode).setHeader(getTranslation("parcels.pickup-code")).setAutoWidth(true);
        recent.addColumn(Parcel::waybill).setHeader(getTranslation("parcels.waybill")).setAutoWidth(true);
        recent.addColumn(Parcel::courier).setHeader(getTranslation("parcels.courier")).setAutoWidth(true);
        recent.addColumn(p -> p.phone() == null ? "" : p.phone()).setHeader(getTranslation("parcels.phone")).setAutoWidth(true);
        recent.addColumn(p -> time.time(p.checkedInAt())).setHeader(getTranslation("parcels.checked-in-at")).setAutoWidth(true);
        recent.setAllRowsVisible(true);
        add(recent);
        showToday();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        waybill.focus();
    }

    /** A scan fills the waybill; the phone is next. */
    @Override
    public void onScan(ScanReceived scan) {
        waybill.setValue(scan.code());
        waybill.setInvalid(false);
        showManifest();
        phone.focus();
    }

    /** A waybill on a courier manifest already has its phone: say so; the clerk just presses Enter. */
    private void showManifest() {
        String known = parcels.manifestPhone(waybill.getValue()).map(m -> getTranslation("parcels.check-in.manifest", m)).orElse(null);
        String note = parcels.expectedNote(waybill.getValue()).map(e -> getTranslation(e.noteKey(), e.noteArgs().toArray())).orElse(null);
        phone.setHelperText(note == null ? known : known == null ? note : note + " · " + known);
    }

    private void checkIn() {
        try {
            Parcel p = parcels.checkIn(new CheckIn(waybill.getValue(), phone.getValue(), null, size.getValue(), cold.getValue(),
                    damage.getValue()));
            code.setText(p.pickupCode());
            place.setText(getTranslation("parcels.place", p.shelf(), p.layer(), p.courier(), p.waybill()));
            mine.addFirst(p);
            if (mine.size() > 20) {
                mine.removeLast();
            }
            recent.setItems(mine);
            waybill.clear();
            phone.clear();
            phone.setHelperText(null);
            damage.clear();
            cold.clear();
            waybill.setInvalid(false);
            phone.setInvalid(false);
            showToday();
            waybill.focus();
        } catch (ParcelRefused e) {
            String message = getTranslation(e.messageKey(), "");
            if (e.code().equals("BAD_PHONE")) {
                phone.setErrorMessage(message);
                phone.setInvalid(true);
                phone.focus();
            } else {
                waybill.setErrorMessage(message);
                waybill.setInvalid(true);
                waybill.focus();
            }
            Notification.show(message, 4000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
        }
    }

    private void showToday() {
        LocalDate day = LocalDate.now(clock.withZone(time.zone()));
        today.setText(getTranslation("parcels.today", parcels.checkedInSince(day.atStartOfDay(time.zone()).toInstant())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.check-in");
    }
}

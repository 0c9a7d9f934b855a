package io.yizhan.station.devices.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.DeviceHealth;
import io.yizhan.station.devices.Devices;
import io.yizhan.station.devices.PrintJob;
import io.yizhan.station.devices.PrintQueue;
import io.yizhan.station.devices.Scales;
import io.yizhan.station.shared.StationProperties;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.Base64;
import java.util.Set;

/** The manager's devices: state and reason, a test print per printer, and recent print jobs with previews. */
@Route(value = "counter/devices", layout = CounterLayout.class)
@Menu(order = 70, title = "menu.counter.devices")
@RolesAllowed(Role.MANAGER_NAME)
class DevicesView extends Div implements HasDynamicTitle {

    private static final Set<String> PRINTERS = Set.of("receipt-printer", "label-printer");

    private final Devices devices;
    private final PrintQueue queue;
    private final Scales scales;
    private final Grid<DeviceHealth> deviceGrid = new Grid<>();
    private final Grid<PrintJob> jobGrid = new Grid<>();

    DevicesView(Devices devices, PrintQueue queue, Scales scales, StationTime time, StationProperties station) {
        this.devices = devices;
        this.queue = queue;
        this.scales = scales;
        addClassName("counter-page");
        add(new H1(getTranslation("devices.title")));
        deviceGrid.setId("devices-grid");
        deviceGrid.addColumn(DeviceHealth::name).setHeader(getTranslation("devices.name")).setAutoWidth(true);
        deviceGrid.addColumn(h -> getTranslation("devices.kind." + h.kind())).setHeader(getTranslation("devices.kind")).setAutoWidth(true);
        deviceGrid.addColumn(DeviceHealth::terminal).setHeader(getTranslation("devices.terminal")).setAutoWidth(true);
        deviceGrid.addColumn(h -> getTranslation("devices.state." + h.state().name())).setHeader(getTranslation("devices.state")).setAutoWidth(true);
        deviceGrid.addColumn(DeviceHealth::detail).setHeader(getTranslation("devices.detail")).setFlexGrow(1);
        deviceGrid.addColumn(h -> h.lastEventAt() == null ? "" : time.dateTime(h.lastEventAt())).setHeader(getTranslation("devices.last-event")).setAutoWidth(true);
        deviceGrid.addComponentColumn(h -> {
            Button test = new Button(getTranslation("devices.test-print"), e -> {
                queue.testPrint(h.name());
                Notification.show(getTranslation("devices.test-print.queued")).addThemeVariants(NotificationVariant.SUCCESS);
                refresh();
            });
            test.setVisible(PRINTERS.contains(h.kind()));
            Button reconnect = new Button(getTranslation("devices.reconnect"), e -> {
                devices.reconnect(h.name());
                refresh();
            });
            reconnect.setVisible(h.transport().equals("serial") || h.transport().equals("tcp"));
            HorizontalLayout actions = new HorizontalLayout(test, reconnect);
            if (h.kind().equals("scale")) {
                Span reading = new Span(scales.stable(h.name()).map(w -> getTranslation("devices.scale.stable", grams(w.grams())))
                        .or(() -> scales.current(h.name()).map(w -> getTranslation("devices.scale.moving", grams(w.grams()))))
                        .orElse(getTranslation("devices.scale.none")));
                reading.setId("scale-reading-" + h.name());
                actions.add(reading);
            }
            actions.setAlignItems(HorizontalLayout.Alignment.CENTER);
            return actions;
        }).setAutoWidth(true);
        deviceGrid.setAllRowsVisible(true);
        add(deviceGrid);
        virtualScales(station);

        add(new H2(getTranslation("devices.jobs")));
        jobGrid.setId("print-jobs-grid");
        jobGrid.addColumn(j -> time.dateTime(j.createdAt())).setHeader(getTranslation("devices.job.at")).setAutoWidth(true);
        jobGrid.addColumn(PrintJob::device).setHeader(getTranslation("devices.name")).setAutoWidth(true);
        jobGrid.addColumn(PrintJob::document).setHeader(getTranslation("devices.job.document")).setAutoWidth(true);
        jobGrid.addColumn(j -> getTranslation("devices.job.state." + j.state().name())).setHeader(getTranslation("devices.state")).setAutoWidth(true);
        jobGrid.addColumn(PrintJob::attempts).setHeader(getTranslation("devices.job.attempts")).setAutoWidth(true);
        jobGrid.addColumn(j -> j.lastError() == null ? "" : j.lastError().render(getLocale())).setHeader(getTranslation("devices.detail")).setFlexGrow(1);
        jobGrid.addComponentColumn(j -> {
            Button preview = new Button(getTranslation("devices.job.preview"), e -> preview(j));
            Button reprint = new Button(getTranslation("devices.job.reprint"), e -> {
                queue.reprint(j.id());
                refresh();
            });
            Button cancel = new Button(getTranslation("devices.job.cancel"), e -> {
                queue.cancel(j.id());
                refresh();
            });
            cancel.addThemeVariants(ButtonVariant.ERROR);
            cancel.setVisible(j.state() == PrintJob.State.QUEUED);
            return new HorizontalLayout(preview, reprint, cancel);
        }).setAutoWidth(true);
        jobGrid.setAllRowsVisible(true);
        Button reload = new Button(getTranslation("devices.refresh"), e -> refresh());
        reload.setId("devices-refresh");
        add(reload, jobGrid);
        refresh();
    }

    /** Demo mode: staff put a weight on each virtual scale. */
    private void virtualScales(StationProperties station) {
        if (!station.demo()) {
            return;
        }
        devices.health(getLocale()).stream().filter(h -> h.kind().equals("scale") && h.transport().equals("virtual")).forEach(h -> {
            IntegerField weight = new IntegerField(getTranslation("devices.scale.set-grams") + " · " + h.name());
            weight.setMin(0);
            weight.setMax(150_000);
            weight.setId("virtual-scale-grams");
            weight.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
            Button set = new Button(getTranslation("devices.scale.set"), e -> {
                if (weight.getValue() != null) {
                    scales.setVirtual(h.name(), weight.getValue());
                    refresh();
                }
            });
            set.setId("virtual-scale-set");
            HorizontalLayout form = new HorizontalLayout(weight, set);
            form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            add(form);
        });
    }

    private static String grams(long grams) {
        return java.math.BigDecimal.valueOf(grams, 3).toPlainString();
    }

    private void preview(PrintJob job) {
        queue.preview(job.id()).ifPresent(png -> {
            Dialog dialog = new Dialog(getTranslation("devices.job.preview"));
            Image image = new Image("data:image/png;base64," + Base64.getEncoder().encodeToString(png),
                    getTranslation("devices.job.preview.alt", job.document()));
            image.addClassName("print-preview");
            dialog.add(image);
            dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
            dialog.open();
        });
    }

    private void refresh() {
        deviceGrid.setItems(devices.health(getLocale()));
        jobGrid.setItems(queue.recent(30));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.devices");
    }
}

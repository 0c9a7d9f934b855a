package io.yizhan.station.parcels.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.parcels.Parcel;
import io.yizhan.station.parcels.ShelfAudit;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** 盘点: choose the shelf, scan every parcel on it, finish: missing, misplaced and unknown parcels are listed. */
@Route(value = "counter/parcels/audit", layout = CounterLayout.class)
@Menu(order = 40, title = "menu.counter.shelf-audit")
@RolesAllowed(Role.CLERK_NAME)
public class ShelfAuditView extends Div implements ScanConsumer, HasDynamicTitle {

    private final ShelfAudit audit;
    private final IntegerField shelf = new IntegerField();
    private final TextField scan = new TextField();
    private final Paragraph count = new Paragraph();
    private final Set<String> scanned = new LinkedHashSet<>();
    private final Div results = new Div();

    public ShelfAuditView(ShelfAudit audit) {
        this.audit = audit;
        addClassName("counter-page");
        add(new H1(getTranslation("parcels.audit.title")));
        shelf.setLabel(getTranslation("parcels.audit.shelf"));
        shelf.setId("audit-shelf");
        shelf.setMin(0);
        shelf.setMax(99);
        shelf.setValue(1);
        scan.setLabel(getTranslation("parcels.audit.scan"));
        scan.setId("audit-scan");
        scan.addKeyDownListener(Key.ENTER, e -> record(scan.getValue()));
        Button finish = new Button(getTranslation("parcels.audit.finish"), e -> finish());
        finish.setId("audit-finish");
        finish.addThemeVariants(ButtonVariant.PRIMARY);
        Button restart = new Button(getTranslation("parcels.audit.restart"), e -> {
            scanned.clear();
            results.removeAll();
            showCount();
        });
        HorizontalLayout bar = new HorizontalLayout(shelf, scan, finish, restart);
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        bar.setWrap(true);
        count.setId("audit-count");
        add(bar, count, results);
        showCount();
    }

    @Override
    public void onScan(ScanReceived received) {
        record(received.code());
    }

    private void record(String waybill) {
        if (!waybill.isBlank()) {
            scanned.add(waybill.strip().toUpperCase(java.util.Locale.ROOT));
        }
        scan.clear();
        showCount();
    }

    private void showCount() {
        count.setText(getTranslation("parcels.audit.count", scanned.size()));
    }

    private void finish() {
        if (shelf.getValue() == null) {
            return;
        }
        ShelfAudit.Result r = audit.audit(shelf.getValue(), new ArrayList<>(scanned));
        results.removeAll();
        results.add(new Paragraph(getTranslation("parcels.audit.summary", r.found().size(), r.missing().size(),
                r.misplaced().size(), r.unknown().size())));
        section("parcels.audit.missing", "audit-missing", r.missing());
        section("parcels.audit.misplaced", "audit-misplaced", r.misplaced());
        if (!r.unknown().isEmpty()) {
            results.add(new H2(getTranslation("parcels.audit.unknown")), new Paragraph(String.join("，", r.unknown())));
        }
    }

    private void section(String titleKey, String id, List<Parcel> parcels) {
        if (parcels.isEmpty()) {
            return;
        }
        Grid<Parcel> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(Parcel::pickupCode).setHeader(getTranslation("parcels.pickup-code")).setAutoWidth(true);
        grid.addColumn(Parcel::waybill).setHeader(getTranslation("parcels.waybill")).setAutoWidth(true);
        grid.addColumn(Parcel::courier).setHeader(getTranslation("parcels.courier")).setAutoWidth(true);
        grid.setItems(parcels);
        grid.setAllRowsVisible(true);
        results.add(new H2(getTranslation(titleKey)), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.shelf-audit");
    }
}

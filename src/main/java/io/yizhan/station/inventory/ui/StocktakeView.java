package io.yizhan.station.inventory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.Stocktake;
import io.yizhan.station.inventory.StocktakeLine;
import io.yizhan.station.inventory.Stocktakes;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * 商品盘点: a manager starts a stocktake for a location or the whole station and prints the count
 * sheets; staff count by scanning (each scan adds one; a scale label adds its weight) or by typing a
 * quantity; the differences show system against counted, in quantity and value; a manager posts them;
 * the discrepancy report downloads as XLSX and CSV.
 */
@Route(value = "counter/stocktake", layout = CounterLayout.class)
@Menu(order = 18, title = "menu.counter.stocktake")
@RolesAllowed(Role.CLERK_NAME)
public class StocktakeView extends Div implements ScanConsumer, HasDynamicTitle {

    private final Stocktakes stocktakes;
    private final Stock stock;
    private final Goods goods;
    private final StationTime time;
    private final boolean manager;
    private final Select<Stocktake> chosen = new Select<>();
    private final TextField startAt = new TextField();
    private final Select<String> location = new Select<>();
    private final TextField code = new TextField();
    private final TextField quantity = new TextField();
    private final Paragraph result = new Paragraph();
    private final Grid<StocktakeLine> lines = new Grid<>();
    private final Div reports = new Div();
    private final Button post = new Button();

    public StocktakeView(Stocktakes stocktakes, Stock stock, Goods goods, StationTime time, AuthenticationContext auth) {
        this.stocktakes = stocktakes;
        this.stock = stock;
        this.goods = goods;
        this.time = time;
        this.manager = auth.hasRole(Role.MANAGER_NAME);
        addClassName("counter-page");
        add(new H1(getTranslation("inventory.stocktake.title")));

        startAt.setId("stocktake-location");
        startAt.setLabel(getTranslation("inventory.stocktake.start.location"));
        startAt.setHelperText(getTranslation("inventory.stocktake.start.help"));
        Button start = new Button(getTranslation("inventory.stocktake.start"), e -> start());
        start.setId("stocktake-start");
        start.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout startRow = CounterForms.row(startAt, start);
        startRow.setVisible(manager);
        add(startRow);

        chosen.setId("stocktake-chosen");
        chosen.setLabel(getTranslation("inventory.stocktake.chosen"));
        chosen.setItemLabelGenerator(t -> time.dateTime(t.startedAt()) + " · " + (t.location() == null ? getTranslation("inventory.stocktake.whole")
                : t.location()) + " · " + getTranslation("inventory.stocktake.status." + t.status()));
        chosen.addValueChangeListener(e -> show());
        Button sheets = new Button(getTranslation("inventory.stocktake.sheets"), e -> printSheets());
        sheets.setId("stocktake-sheets");
        add(CounterForms.row(chosen, sheets));

        location.setId("count-location");
        location.setLabel(getTranslation("inventory.location"));
        location.setEmptySelectionAllowed(true);
        location.setEmptySelectionCaption(getTranslation("inventory.stocktake.location.any"));
        code.setId("count-code");
        code.setLabel(getTranslation("inventory.stocktake.code"));
        code.addKeyDownListener(Key.ENTER, e -> count(code.getValue(), true));
        quantity.setId("count-quantity");
        quantity.setLabel(getTranslation("inventory.stocktake.quantity"));
        quantity.setHelperText(getTranslation("inventory.stocktake.quantity.help"));
        quantity.setAllowedCharPattern("[0-9.-]");
        quantity.addKeyDownListener(Key.ENTER, e -> count(code.getValue(), true));
        Button add = new Button(getTranslation("inventory.stocktake.count"), e -> count(code.getValue(), true));
        add.setId("count-add");
        add(CounterForms.row(location, code, quantity, add));
        result.setId("stocktake-result");
        result.addClassName("pay-result");
        result.getElement().setAttribute("aria-live", "assertive");
        add(result);

        add(new H2(getTranslation("inventory.stocktake.differences")));
        lines.setId("stocktake-lines");
        lines.addColumn(StocktakeLine::location).setHeader(getTranslation("inventory.location")).setAutoWidth(true);
        lines.addColumn(l -> l.name() + " " + l.spec()).setHeader(getTranslation("inventory.name")).setFlexGrow(2);
        lines.addColumn(l -> qty(l.unit(), l.systemQuantity())).setHeader(getTranslation("inventory.stocktake.report.system")).setAutoWidth(true);
        lines.addColumn(l -> qty(l.unit(), l.countedQuantity())).setHeader(getTranslation("inventory.stocktake.report.counted")).setAutoWidth(true);
        lines.addColumn(l -> qty(l.unit(), l.difference())).setHeader(getTranslation("inventory.stocktake.report.difference")).setAutoWidth(true);
        lines.addColumn(l -> Money.yuan(l.differenceValueFen())).setHeader(getTranslation("inventory.stocktake.report.value")).setAutoWidth(true);
        lines.setAllRowsVisible(true);
        lines.setPartNameGenerator(l -> l.difference() != 0 ? "stocktake-differs" : null);
        post.setId("stocktake-post");
        post.setText(getTranslation("inventory.stocktake.post"));
        post.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        post.setDisableOnClick(true);
        post.addClickListener(e -> post());
        post.setVisible(manager);
        reports.setId("stocktake-reports");
        add(lines, CounterForms.row(post, reports));
        reload(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inventory.stocktake.title");
    }


    private String qty(Unit unit, long q) {
        return Quantities.text(unit, q, getLocale());
    }

    private void say(String outcome, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", outcome);
    }

    private void reload(@Nullable Stocktake select) {
        List<Stocktake> all = stocktakes.latest();
        chosen.setItems(all);
        Stocktake pick = select != null ? all.stream().filter(t -> t.id().equals(select.id())).findFirst().orElse(null)
                : all.stream().filter(Stocktake::open).findFirst().orElse(all.isEmpty() ? null : all.getFirst());
        chosen.setValue(pick);
        location.setItems(stock.locations().stream().filter(l -> !l.isEmpty()).toList());
        show();
    }

    private void show() {
        Stocktake t = chosen.getValue();
        reports.removeAll();
        if (t == null) {
            lines.setItems(List.of());
            post.setEnabled(false);
            return;
        }
        lines.setItems(stocktakes.lines(t.id()));
        post.setEnabled(t.open());
        location.setVisible(t.location() == null);
        Anchor xlsx = new Anchor(GoodsView.download(() -> stocktakes.reportXlsx(t.id()), "stocktake-" + t.id() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), getTranslation("inventory.stocktake.report.xlsx"));
        xlsx.setId("report-xlsx");
        xlsx.addClassName("download-link");
        Anchor csv = new Anchor(GoodsView.download(() -> stocktakes.reportCsv(t.id()), "stocktake-" + t.id() + ".csv", "text/csv"),
                getTranslation("inventory.stocktake.report.csv"));
        csv.setId("report-csv");
        csv.addClassName("download-link");
        reports.add(xlsx, csv);
    }

    private void start() {
        try {
            reload(stocktakes.start(startAt.getValue()));
            say("succeeded", getTranslation("inventory.stocktake.started"));
        } catch (InventoryRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        } catch (AccessDeniedException e) {
            say("refused", getTranslation("inventory.stocktake.manager-only"));
        }
    }

    private void printSheets() {
        Stocktake t = chosen.getValue();
        if (t != null) {
            int n = stocktakes.printSheets(t.id());
            say(n > 0 ? "succeeded" : "refused", getTranslation(n > 0 ? "inventory.stocktake.sheets.queued" : "inventory.label.no-printer", n));
        }
    }

    /** Each scan adds one (a scale label its weight); a typed quantity (pieces, or kg) adds that. */
    @Override
    public void onScan(ScanReceived scan) {
        count(scan.code(), false);
    }

    private void count(String what, boolean typed) {
        Stocktake t = chosen.getValue();
        if (t == null || what == null || what.isBlank()) {
            return;
        }
        try {
            Long q = null;
            if (typed && !quantity.isEmpty()) {
                var good = goods.find(what.strip()).orElseGet(() -> goods.read(what).sku());
                BigDecimal v = new BigDecimal(quantity.getValue().strip());
                q = good.unit() == Unit.KG ? v.movePointRight(3).longValueExact() : v.longValueExact();
            }
            Stocktakes.Counted c = stocktakes.count(t.id(), what, q, location.getValue());
            say("succeeded", getTranslation("inventory.stocktake.counted", c.name(), c.location(), qty(c.unit(), c.countedNow())));
            code.clear();
            quantity.clear();
            code.focus();
            show();
        } catch (InventoryRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        } catch (NumberFormatException | ArithmeticException e) {
            say("refused", getTranslation("inventory.error.quantity"));
        }
    }

    private void post() {
        Stocktake t = chosen.getValue();
        if (t == null) {
            return;
        }
        try {
            Stocktake done = stocktakes.post(t.id());
            reload(done);
            say("succeeded", getTranslation("inventory.stocktake.posted"));
        } catch (AccessDeniedException e) {
            say("refused", getTranslation("inventory.stocktake.manager-only"));
        }
    }
}

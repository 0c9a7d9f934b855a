package io.yizhan.central.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yizhan.central.CentralCatalog;
import io.yizhan.contract.CatalogEntry;
import io.yizhan.contract.ShopOffer;
import io.yizhan.station.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 商品与优惠: the operator sets a product's price and stock, and starts or ends time-limited offers
 * (a discount on a category or everything, or a coupon above an amount). Every change reaches the
 * stations on the catalog feed; orders placed before keep what the resident agreed to.
 */
@Route(value = "catalog", layout = CentralLayout.class)
@RolesAllowed("OPERATOR")
public class CatalogView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final CentralCatalog catalog;
    private final Clock clock;
    private final Grid<ShopOffer> offers = new Grid<>();
    private final Grid<CentralCatalog.Product> products = new Grid<>();
    private final TextField search = new TextField();
    private final Paragraph result = new Paragraph();

    public CatalogView(CentralCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        addClassName("counter-page");
        result.setId("catalog-result");
        result.getElement().setAttribute("aria-live", "polite");
        List<CatalogEntry.Category> categories = catalog.categories();

        offers.setId("offers");
        offers.addColumn(ShopOffer::description).setHeader(getTranslation("central.catalog.offer")).setAutoWidth(true);
        offers.addColumn(o -> o.category() == null ? getTranslation("shopping.counter.all")
                : categories.stream().filter(c -> c.code().equals(o.category())).map(CatalogEntry.Category::name).findFirst().orElse(o.category()))
                .setHeader(getTranslation("shopping.counter.category")).setAutoWidth(true);
        offers.addColumn(o -> DAY.format(o.validTo())).setHeader(getTranslation("central.catalog.until")).setAutoWidth(true);
        offers.addComponentColumn(o -> {
            Button end = new Button(getTranslation("central.catalog.end"), e -> {
                catalog.endOffer(o.id());
                result.setText(getTranslation("central.catalog.ended", o.description()));
                refresh();
            });
            end.getElement().setAttribute("aria-label", getTranslation("central.catalog.end-named", o.description()));
            return end;
        }).setAutoWidth(true);
        offers.setAllRowsVisible(true);

        Select<String> kind = new Select<>();
        kind.setId("offer-kind");
        kind.setLabel(getTranslation("central.catalog.kind"));
        kind.setItems(ShopOffer.DISCOUNT, ShopOffer.COUPON);
        kind.setItemLabelGenerator(k -> getTranslation("central.catalog.kind." + k));
        kind.setValue(ShopOffer.DISCOUNT);
        TextField description = new TextField(getTranslation("central.catalog.description"));
        description.setId("offer-description");
        description.setMaxLength(60);
        Select<String> category = new Select<>();
        category.setId("offer-category");
        category.setLabel(getTranslation("shopping.counter.category"));
        List<String> codes = new ArrayList<>();
        codes.add("");
        categories.forEach(c -> codes.add(c.code()));
        category.setItems(codes);
        category.setItemLabelGenerator(code -> code.isEmpty() ? getTranslation("shopping.counter.all")
                : categories.stream().filter(c -> c.code().equals(code)).map(CatalogEntry.Category::name).findFirst().orElse(code));
        category.setValue("");
        IntegerField percent = new IntegerField(getTranslation("central.catalog.percent"));
        percent.setId("offer-percent");
        percent.setMin(1);
        percent.setMax(90);
        TextField threshold = new TextField(getTranslation("central.catalog.threshold"));
        threshold.setId("offer-threshold");
        TextField amountOff = new TextField(getTranslation("central.catalog.amount-off"));
        amountOff.setId("offer-amount-off");
        IntegerField days = new IntegerField(getTranslation("central.catalog.days"));
        days.setId("offer-days");
        days.setMin(1);
        days.setMax(365);
        days.setValue(7);
        Button add = new Button(getTranslation("central.catalog.add"), e -> {
            try {
                long min = threshold.isEmpty() ? 0 : Money.fen(threshold.getValue());
                Long off = amountOff.isEmpty() ? null : Money.fen(amountOff.getValue());
                boolean discount = ShopOffer.DISCOUNT.equals(kind.getValue());
                if (description.getValue().isBlank() || days.getValue() == null || (discount ? percent.getValue() == null || percent.isInvalid()
                        : off == null || off <= 0)) {
                    result.setText(getTranslation("central.catalog.incomplete"));
                    return;
                }
                catalog.addOffer(new ShopOffer("O" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT), kind.getValue(),
                        description.getValue().strip(), category.getValue().isEmpty() ? null : category.getValue(), discount ? percent.getValue() : null,
                        min, discount ? null : off, clock.instant(), clock.instant().plus(Duration.ofDays(days.getValue()))));
                result.setText(getTranslation("central.catalog.added", description.getValue().strip()));
                description.clear();
                refresh();
            } catch (NumberFormatException | ArithmeticException bad) {
                result.setText(getTranslation("central.catalog.incomplete"));
            }
        });
        add.setId("offer-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);

        search.setId("product-search");
        search.setLabel(getTranslation("central.catalog.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> products.setItems(e.getValue().isBlank() ? List.of() : catalog.find(e.getValue())));
        products.setId("products");
        products.addColumn(p -> p.productId() + " " + p.name() + (p.variant() == null ? "" : " " + p.variant()))
                .setHeader(getTranslation("shopping.counter.product")).setFlexGrow(1);
        products.addColumn(p -> getTranslation("central.catalog.reserved", p.reserved())).setHeader(getTranslation("central.catalog.reserved-header"))
                .setAutoWidth(true);
        products.addComponentColumn(this::editor).setHeader(getTranslation("central.catalog.price-stock")).setAutoWidth(true);
        products.setAllRowsVisible(true);

        add(new H1(getTranslation("central.catalog")), result, new H2(getTranslation("central.catalog.offers")),
                new Paragraph(getTranslation("central.catalog.offers-help")), offers,
                form(kind, description, category, percent, threshold, amountOff, days, add),
                new H2(getTranslation("central.catalog.products")), search, products);
        refresh();
    }

    /** Fields side by side, their labels aligned, wrapping on a narrow screen. */
    private static HorizontalLayout form(com.vaadin.flow.component.Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setWrap(true);
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout editor(CentralCatalog.Product p) {
        TextField price = new TextField();
        price.setValue(Money.yuan(p.priceFen()).replace("¥", ""));
        price.setAriaLabel(getTranslation("shopping.counter.price"));
        price.setWidth("7em");
        IntegerField stock = new IntegerField();
        stock.setValue((int) p.stock());
        stock.setAriaLabel(getTranslation("shopping.counter.stock"));
        stock.setWidth("6em");
        Button save = new Button(getTranslation("central.catalog.save"), e -> {
            try {
                catalog.update(p.productId(), Money.fen(price.getValue()), stock.getValue() == null ? -1 : stock.getValue());
                result.setText(getTranslation("central.catalog.saved", p.productId()));
            } catch (IllegalArgumentException | ArithmeticException bad) {
                result.setText(getTranslation("central.catalog.bad-product", p.reserved()));
            }
            products.setItems(catalog.find(search.getValue()));
        });
        save.setId("save-" + p.productId());
        return new HorizontalLayout(price, stock, save);
    }

    private void refresh() {
        offers.setItems(catalog.offers(clock.instant()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("central.catalog");
    }
}

package io.yizhan.station.consignment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.station.consignment.CommitmentBasis;
import io.yizhan.station.consignment.ConsignmentProducts;
import io.yizhan.station.consignment.ConsignmentRefused;
import io.yizhan.station.consignment.Consignors;
import io.yizhan.station.consignment.Lot;
import io.yizhan.station.consignment.LotRequest;
import io.yizhan.station.consignment.Lots;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.Scales;
import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 代销收货 in one screen: the consignor (by name or ID number), the product from the list, grade, the
 * agreed price per kg or piece, origin and harvest date; then each bag on the counter's scale ("称一袋"
 * takes its stable weight; a typed weight when the scale is away) or a piece count; "收货" stores the
 * lot and prints its labels, the 合格证 and the consignor's receipt.
 */
@Route(value = "counter/intake", layout = CounterLayout.class)
@Menu(order = 19.5, title = "menu.counter.intake")
@RolesAllowed(Role.CLERK_NAME)
public class IntakeView extends Div implements HasDynamicTitle {

    private final Lots lots;
    private final Scales scales;
    private final ConsignorPicker consignor;
    private final Select<ConsignmentProducts.Product> product = new Select<>();
    private final TextField grade = new TextField();
    private final TextField price = new TextField();
    private final TextField origin = new TextField();
    private final DatePicker harvested = new DatePicker();
    private final Select<CommitmentBasis> basis = new Select<>();
    private final Div weighed = new Div();
    private final TextField grams = new TextField();
    private final IntegerField pieces = new IntegerField();
    private final Div bagsSection = new Div();
    private final Div piecesSection = new Div();
    private final Paragraph result = new Paragraph();
    private final List<Long> bags = new ArrayList<>();

    public IntakeView(Consignors consignors, Lots lots, ConsignmentProducts products, Scales scales, Clock clock, StationTime time) {
        this.lots = lots;
        this.scales = scales;
        this.consignor = new ConsignorPicker(consignors, "intake-consignor");
        addClassName("counter-page");
        add(new H1(getTranslation("consignment.intake.title")));

        product.setId("intake-product");
        product.setLabel(getTranslation("consignment.intake.product"));
        product.setItems(products.all());
        product.setWidth("20em");
        product.setItemLabelGenerator(p -> p.name() + " · " + p.variety() + " · " + getTranslation("inventory.unit.per." + p.unit()));
        product.addValueChangeListener(e -> productChosen(e.getValue()));
        grade.setId("intake-grade");
        grade.setLabel(getTranslation("consignment.intake.grade"));
        grade.setMaxLength(10);
        price.setId("intake-price");
        price.setAllowedCharPattern("[0-9.]");
        price.setMaxLength(9);
        origin.setId("intake-origin");
        origin.setLabel(getTranslation("consignment.intake.origin"));
        origin.setMaxLength(40);
        harvested.setId("intake-harvested");
        harvested.setLabel(getTranslation("consignment.intake.harvested"));
        LocalDate today = time.date(clock.instant());
        harvested.setMax(today);
        harvested.setMin(today.minusYears(1));
        harvested.setValue(today);
        basis.setId("intake-basis");
        basis.setLabel(getTranslation("consignment.intake.basis"));
        basis.setItems(CommitmentBasis.values());
        basis.setItemLabelGenerator(b -> getTranslation("consignment.basis." + b));
        basis.setValue(CommitmentBasis.QUALITY_CONTROL);
        add(CounterForms.row(consignor, product, grade), CounterForms.row(price, origin, harvested, basis));

        Button weigh = new Button(getTranslation("consignment.intake.weigh"), e -> weighBag());
        weigh.setId("intake-weigh");
        weigh.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        grams.setId("intake-grams");
        grams.setLabel(getTranslation("consignment.intake.grams"));
        grams.setAllowedCharPattern("[0-9]");
        grams.setMaxLength(5);
        Button addBag = new Button(getTranslation("consignment.intake.add-bag"), e -> typedBag());
        addBag.setId("intake-add-bag");
        weighed.setId("intake-bags");
        weighed.addClassName("intake-bags");
        bagsSection.add(new H2(getTranslation("consignment.intake.bags")), CounterForms.row(weigh, grams, addBag), weighed);
        pieces.setId("intake-pieces");
        pieces.setLabel(getTranslation("consignment.intake.pieces"));
        pieces.setMin(1);
        pieces.setMax(1_000);
        pieces.setStepButtonsVisible(true);
        piecesSection.add(pieces);
        piecesSection.setVisible(false);

        Button submit = new Button(getTranslation("consignment.intake.submit"), e -> submit());
        submit.setId("intake-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        result.setId("intake-result");
        result.addClassName("pay-result");
        result.getElement().setAttribute("aria-live", "assertive");
        add(bagsSection, piecesSection, submit, result);
        product.setValue(products.all().getFirst());
        renderBags();
    }

    private void productChosen(ConsignmentProducts.Product p) {
        if (p == null) {
            return;
        }
        grade.setValue(p.grade());
        price.setLabel(getTranslation("consignment.intake.price." + p.unit()));
        basis.setVisible(p.certificate());
        bagsSection.setVisible(p.unit() == Unit.KG);
        piecesSection.setVisible(p.unit() == Unit.PIECE);
    }

    private void say(String outcome, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", outcome);
    }

    /** The bag on the counter's scale, once its reading is stable (up to two seconds). */
    private void weighBag() {
        CounterScale.stableGrams(scales, key -> {
            say("refused", getTranslation(key));
            grams.focus();
        }).ifPresent(this::addBag);
    }

    private void typedBag() {
        try {
            long g = Long.parseLong(grams.getValue().strip());
            if (g <= 0 || g > 99_999) {
                throw new NumberFormatException();
            }
            addBag(g);
            grams.clear();
        } catch (NumberFormatException e) {
            say("refused", getTranslation("consignment.error.weight"));
            grams.focus();
        }
    }

    private void addBag(long g) {
        bags.add(g);
        say("", getTranslation("consignment.intake.bag-added", bags.size(), Quantities.text(Unit.KG, g, getLocale())));
        renderBags();
    }

    private void renderBags() {
        weighed.removeAll();
        for (int i = 0; i < bags.size(); i++) {
            int index = i;
            Span bag = new Span((i + 1) + ". " + Quantities.text(Unit.KG, bags.get(i), getLocale()));
            Button remove = new Button(getTranslation("consignment.intake.remove-bag"), e -> {
                bags.remove(index);
                renderBags();
            });
            remove.setId("intake-remove-" + i);
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            weighed.add(new Div(bag, remove));
        }
        long total = bags.stream().mapToLong(Long::longValue).sum();
        Paragraph sum = new Paragraph(getTranslation("consignment.intake.total", bags.size(), Quantities.text(Unit.KG, total, getLocale())));
        sum.setId("intake-total");
        weighed.add(sum);
    }

    private void submit() {
        ConsignmentProducts.Product p = product.getValue();
        if (consignor.getValue() == null) {
            say("refused", getTranslation("consignment.intake.choose-consignor"));
            consignor.focus();
            return;
        }
        long priceFen;
        try {
            priceFen = Money.fen(price.getValue());
        } catch (NumberFormatException | ArithmeticException e) {
            say("refused", getTranslation("consignment.error.price"));
            price.focus();
            return;
        }
        try {
            Lot lot = lots.intake(new LotRequest(consignor.getValue().id(), p.code(), grade.getValue(), p.unit(), p.unit() == Unit.KG ? bags : List.of(),
                    p.unit() == Unit.PIECE && pieces.getValue() != null ? (long) pieces.getValue() : null, priceFen, origin.getValue(),
                    harvested.getValue(), p.certificate() ? basis.getValue() : null));
            say("succeeded", getTranslation(p.certificate() ? "consignment.intake.done.certificate" : "consignment.intake.done", lot.lotNo(),
                    consignor.getValue().name(), Quantities.text(lot.unit(), lot.quantity(), getLocale()), lot.labelBarcodes().size()));
            bags.clear();
            pieces.clear();
            renderBags();
        } catch (ConsignmentRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        } catch (InventoryRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("consignment.intake.title");
    }
}

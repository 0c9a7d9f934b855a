package io.yizhan.station.consignment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.station.consignment.ConsignmentRefused;
import io.yizhan.station.consignment.LotCare;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.Scales;
import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.inventory.WriteOffReason;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * 批次管理: the markdowns due today (apply one, then relabel each bag on the scale), the lots whose
 * consignment period is over (apply the contract's end action), and write-offs of spoiled or damaged
 * goods with who bears them.
 */
@Route(value = "counter/lot-care", layout = CounterLayout.class)
@Menu(order = 19.9, title = "menu.counter.lot-care")
@RolesAllowed(Role.CLERK_NAME)
public class LotCareView extends Div implements HasDynamicTitle {

    private final LotCare care;
    private final Scales scales;
    private final Grid<LotCare.MarkdownDue> due = new Grid<>();
    private final Grid<LotCare.OnShelf> ended = new Grid<>();
    private final Div relabel = new Div();
    private final Paragraph relabelFor = new Paragraph();
    private final Select<LotCare.OnShelf> lot = new Select<>();
    private final TextField quantity = new TextField();
    private final Select<WriteOffReason> reason = new Select<>();
    private final TextField note = new TextField();
    private final Paragraph result = new Paragraph();
    private UUID relabelLot;

    public LotCareView(LotCare care, Scales scales, StationTime time) {
        this.care = care;
        this.scales = scales;
        addClassName("counter-page");
        add(new H1(getTranslation("consignment.care.title")));

        due.setId("markdowns-due");
        due.addColumn(d -> d.lot().lotNo() + " " + d.lot().productName() + " " + d.lot().grade()).setHeader(getTranslation("consignment.settlement.lot"))
                .setAutoWidth(true);
        due.addColumn(d -> time.dateTime(time.startOf(d.lot().harvestedOn())).substring(0, 10)).setHeader(getTranslation("consignment.intake.harvested"));
        due.addColumn(d -> Quantities.text(d.lot().unit(), d.lot().left(), getLocale())).setHeader(getTranslation("consignment.care.left"));
        due.addColumn(d -> getTranslation("consignment.care.new-price", perUnit(d.lot().priceNowFen(), d.lot().unit()), perUnit(d.newPriceFen(),
                d.lot().unit()), d.percentOff())).setHeader(getTranslation("consignment.care.price")).setAutoWidth(true);
        due.addComponentColumn(d -> button("markdown-" + d.lot().lotId(), "consignment.care.apply", () -> {
            care.markdown(d.lot().lotId(), d.newPriceFen());
            say("succeeded", getTranslation(d.lot().unit() == Unit.KG ? "consignment.care.marked-kg" : "consignment.care.marked-pieces", d.lot().lotNo(),
                    perUnit(d.newPriceFen(), d.lot().unit())));
            if (d.lot().unit() == Unit.KG) {
                relabelLot = d.lot().lotId();
                relabelFor.setText(getTranslation("consignment.care.relabel-for", d.lot().lotNo(), d.lot().productName()));
                relabel.setVisible(true);
            }
        })).setAutoWidth(true);
        due.setAllRowsVisible(true);
        Button weigh = new Button(getTranslation("consignment.care.relabel"), e -> relabel());
        weigh.setId("relabel-weigh");
        weigh.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        Button done = new Button(getTranslation("consignment.care.relabel-done"), e -> relabel.setVisible(false));
        done.setId("relabel-done");
        relabelFor.setId("relabel-for");
        relabel.add(relabelFor, CounterForms.row(weigh, done));
        relabel.setVisible(false);
        add(new H2(getTranslation("consignment.care.markdowns")), due, relabel);

        ended.setId("lots-ended");
        ended.addColumn(l -> l.lotNo() + " " + l.productName() + " " + l.grade()).setHeader(getTranslation("consignment.settlement.lot")).setAutoWidth(true);
        ended.addColumn(LotCare.OnShelf::consignorName).setHeader(getTranslation("consignment.care.consignor")).setAutoWidth(true);
        ended.addColumn(l -> Quantities.text(l.unit(), l.left(), getLocale())).setHeader(getTranslation("consignment.care.left"));
        ended.addColumn(l -> getTranslation("consignment.end." + l.endAction())).setHeader(getTranslation("consignment.end"));
        ended.addComponentColumn(l -> button("end-" + l.lotId(), "consignment.care.end", () -> {
            care.end(l.lotId());
            say("succeeded", getTranslation("consignment.care.ended." + l.endAction(), l.lotNo(), l.consignorName()));
        })).setAutoWidth(true);
        ended.setAllRowsVisible(true);
        add(new H2(getTranslation("consignment.care.ended")), ended);

        lot.setId("write-off-lot");
        lot.setLabel(getTranslation("consignment.listings.lot"));
        lot.setItemLabelGenerator(l -> l.lotNo() + " " + l.productName() + " · " + getTranslation("consignment.listings.left",
                Quantities.text(l.unit(), l.left(), getLocale())));
        lot.setWidth("26em");
        lot.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                quantity.setLabel(getTranslation("consignment.care.quantity." + e.getValue().unit()));
            }
        });
        quantity.setId("write-off-quantity");
        quantity.setLabel(getTranslation("consignment.care.quantity.KG"));
        quantity.setAllowedCharPattern("[0-9.]");
        reason.setId("write-off-reason");
        reason.setLabel(getTranslation("inventory.write-off.reason"));
        reason.setItems(WriteOffReason.SPOILED, WriteOffReason.EXPIRED, WriteOffReason.DAMAGED, WriteOffReason.LOST);
        reason.setItemLabelGenerator(r -> getTranslation("inventory.write-off." + r) + " · " + getTranslation("consignment.care.borne." + r));
        reason.setValue(WriteOffReason.SPOILED);
        note.setId("write-off-note");
        note.setLabel(getTranslation("consignment.care.note"));
        note.setMaxLength(200);
        Button writeOff = new Button(getTranslation("consignment.care.write-off"), e -> writeOff());
        writeOff.setId("write-off");
        writeOff.addThemeVariants(ButtonVariant.ERROR);
        result.setId("care-result");
        result.addClassName("pay-result");
        result.getElement().setAttribute("aria-live", "assertive");
        add(new H2(getTranslation("consignment.care.write-offs")), CounterForms.row(lot, quantity, reason, note), writeOff, result);
        refresh();
    }

    private String perUnit(long fen, Unit unit) {
        return Money.yuan(fen) + "/" + getTranslation("inventory.unit.per." + unit);
    }

    private Component button(String id, String key, Runnable action) {
        Button b = new Button(getTranslation(key), e -> {
            try {
                action.run();
                refresh();
            } catch (ConsignmentRefused refused) {
                say("refused", getTranslation(refused.messageKey(), refused.args()));
            } catch (InventoryRefused refused) {
                say("refused", getTranslation(refused.messageKey(), refused.args()));
            }
        });
        b.setId(id);
        b.addThemeVariants(ButtonVariant.PRIMARY);
        return b;
    }

    /** One bag of the marked-down lot on the scale: its new label prints. */
    private void relabel() {
        if (relabelLot == null) {
            return;
        }
        CounterScale.stableGrams(scales, key -> say("refused", getTranslation(key))).ifPresent(g -> {
            try {
                care.relabel(relabelLot, g);
                say("succeeded", getTranslation("consignment.care.relabelled", Quantities.text(Unit.KG, g, getLocale())));
            } catch (ConsignmentRefused refused) {
                say("refused", getTranslation(refused.messageKey(), refused.args()));
            }
        });
    }

    private void writeOff() {
        LotCare.OnShelf l = lot.getValue();
        if (l == null) {
            say("refused", getTranslation("consignment.listings.choose-lot"));
            return;
        }
        long q;
        try {
            BigDecimal typed = new BigDecimal(quantity.getValue().strip());
            q = l.unit() == Unit.KG ? typed.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact() : typed.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            say("refused", getTranslation("consignment.error.write-off-quantity"));
            return;
        }
        try {
            care.writeOff(l.lotId(), q, reason.getValue(), note.getValue());
            say("succeeded", getTranslation("consignment.care.written-off", l.lotNo(), Quantities.text(l.unit(), q, getLocale()),
                    getTranslation("consignment.care.borne." + reason.getValue())));
            quantity.clear();
            note.clear();
            refresh();
        } catch (ConsignmentRefused refused) {
            say("refused", getTranslation(refused.messageKey(), refused.args()));
        } catch (InventoryRefused refused) {
            say("refused", getTranslation(refused.messageKey(), refused.args()));
        }
    }

    private void refresh() {
        due.setItems(care.markdownsDue());
        ended.setItems(care.ended());
        lot.setItems(care.onShelf());
    }

    private void say(String outcome, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", outcome);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("consignment.care.title");
    }
}

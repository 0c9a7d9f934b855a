package io.yizhan.station.sales.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.sales.Sale;
import io.yizhan.station.sales.SaleLine;
import io.yizhan.station.sales.SaleStatus;
import io.yizhan.station.sales.Sales;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.ManagerApproval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Returns at the counter: the receipt's QR (scanned, or its number typed) opens the sale; the clerk
 * enters how much of each line comes back and why; the goods go back to stock and the money to the
 * original method. Above the manager's limit a manager approves with their password here.
 */
class ReturnPanel extends Div {

    private final Sales sales;
    private final ManagerApproval approval;
    private final StationTime time;
    private final Runnable changed;
    private final TextField receipt = new TextField();
    private final Div sale = new Div();
    private final Paragraph result = new Paragraph();
    private final Map<Integer, TextField> quantities = new LinkedHashMap<>();
    private final TextField reason = new TextField();
    private final TextField manager = new TextField();
    private final PasswordField managerPassword = new PasswordField();
    private @Nullable Sale open;
    private String key = UUID.randomUUID().toString();

    ReturnPanel(Sales sales, ManagerApproval approval, StationTime time, Runnable changed) {
        this.sales = sales;
        this.approval = approval;
        this.time = time;
        this.changed = changed;
        setId("return-panel");
        receipt.setId("return-receipt");
        receipt.setLabel(getTranslation("sales.return.receipt"));
        receipt.setHelperText(getTranslation("sales.return.receipt.help"));
        receipt.setMaxLength(40);
        receipt.addKeyDownListener(Key.ENTER, e -> find());
        Button look = new Button(getTranslation("sales.return.find"), e -> find());
        look.setId("return-find");
        HorizontalLayout top = new HorizontalLayout(receipt, look);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        sale.setId("return-sale");
        result.setId("return-result");
        result.addClassName("pay-result");
        result.getElement().setAttribute("aria-live", "assertive");
        add(top, sale, result);
    }

    /** Finds a sale by its full id (the QR) or the eight-character number printed on the receipt. */
    private void find() {
        String text = receipt.getValue().strip();
        java.util.Optional<Sale> found = sales.byReceipt(text);
        if (found.isEmpty() && text.matches("[0-9A-Fa-f]{8}")) {
            found = sales.latestAt(io.yizhan.station.terminals.CurrentTerminal.name()).stream()
                    .filter(s -> Sales.number(s.id()).equalsIgnoreCase(text)).findFirst();
        }
        if (found.isEmpty()) {
            say("refused", getTranslation("sales.error.not-found"));
            return;
        }
        open(found.get().id());
    }

    void open(UUID saleId) {
        Sale s = sales.find(saleId).orElse(null);
        sale.removeAll();
        quantities.clear();
        key = UUID.randomUUID().toString();
        open = s;
        if (s == null) {
            say("refused", getTranslation("sales.error.not-found"));
            return;
        }
        receipt.setValue(Sales.number(s.id()));
        sale.add(new Paragraph(getTranslation("sales.return.sale", Sales.number(s.id()), time.dateTime(s.createdAt()), Money.yuan(s.totalFen()),
                getTranslation("sales.status." + s.status()))));
        if (s.status() != SaleStatus.PAID && s.status() != SaleStatus.PARTIALLY_RETURNED) {
            say("refused", getTranslation("sales.error.return-not-allowed"));
            return;
        }
        for (int i = 0; i < s.lines().size(); i++) {
            SaleLine line = s.lines().get(i);
            long left = line.quantity() - line.returnedQuantity();
            TextField q = new TextField(SalesView.describe(line, getLocale()));
            q.setId("return-qty-" + i);
            q.setAllowedCharPattern("[0-9.]");
            q.setHelperText(getTranslation(line.unit() == Unit.KG ? "sales.return.left.kg" : "sales.return.left.piece",
                    line.unit() == Unit.KG ? BigDecimal.valueOf(left, 3).toPlainString() : String.valueOf(left)));
            q.setEnabled(left > 0);
            quantities.put(i, q);
            sale.add(q);
        }
        reason.setId("return-reason");
        reason.setLabel(getTranslation("payments.cash.reason"));
        reason.setMaxLength(200);
        manager.setId("return-manager");
        manager.setLabel(getTranslation("payments.take.manager"));
        managerPassword.setId("return-manager-password");
        managerPassword.setLabel(getTranslation("payments.take.manager-password"));
        Button confirm = new Button(getTranslation("sales.return.confirm"), e -> confirm());
        confirm.setId("return-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        confirm.setDisableOnClick(true);
        HorizontalLayout row = new HorizontalLayout(reason, manager, managerPassword, confirm);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        sale.add(row);
        say("", "");
    }

    private void confirm() {
        Sale s = open;
        if (s == null) {
            return;
        }
        List<Sales.ReturnLine> lines = new ArrayList<>();
        for (Map.Entry<Integer, TextField> e : quantities.entrySet()) {
            String text = e.getValue().getValue().strip();
            if (text.isEmpty()) {
                continue;
            }
            SaleLine line = s.lines().get(e.getKey());
            try {
                BigDecimal v = new BigDecimal(text);
                long q = line.unit() == Unit.KG ? v.movePointRight(3).longValueExact() : v.longValueExact();
                if (q > 0) {
                    lines.add(new Sales.ReturnLine(line.sku(), q));
                }
            } catch (NumberFormatException | ArithmeticException bad) {
                e.getValue().setInvalid(true);
                e.getValue().setErrorMessage(getTranslation("inventory.error.quantity"));
                enableConfirm();
                return;
            }
        }
        String approvedBy = null;
        if (!manager.isEmpty()) {
            approvedBy = approval.approve(manager.getValue(), managerPassword.getValue(), getTranslation("sales.return.title") + " " + Sales.number(s.id()))
                    .orElse(null);
            managerPassword.clear();
            if (approvedBy == null) {
                managerPassword.setInvalid(true);
                managerPassword.setErrorMessage(getTranslation("payments.take.manager.refused"));
                enableConfirm();
                return;
            }
        }
        try {
            Sales.Returned r = sales.returnGoods(s.id(), lines, reason.getValue(), key, approvedBy);
            String status = r.saleReturn().refundStatus() == null ? "PENDING" : r.saleReturn().refundStatus();
            open(s.id());
            say("succeeded", getTranslation("sales.return.done", Money.yuan(r.saleReturn().amountFen()),
                    getTranslation("sales.return.refund." + (status.startsWith("REFUSED") ? "REFUSED" : status))));
            changed.run();
        } catch (InventoryRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
            enableConfirm();
        } catch (PaymentRefused e) {
            say("refused", getTranslation(e.messageKey()));
            enableConfirm();
        }
    }

    private void enableConfirm() {
        sale.getChildren().flatMap(c -> c.getChildren()).filter(c -> c instanceof Button).forEach(c -> ((Button) c).setEnabled(true));
    }

    private void say(String outcome, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", outcome);
    }
}

package io.yizhan.station.shopping.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.shared.CodedRefusal;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shopping.AfterSales;
import io.yizhan.station.shopping.ShopOrder;
import io.yizhan.station.shopping.Shopping;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * 售后 for a received order at the counter: the type, the reason (七天无理由 or the fault in words),
 * whether it is unopened, how many of each line, and evidence photos (uploaded, or the counter's
 * camera where the browser allows it). The rules decide at once or send it to central; the refund
 * goes to the original payment.
 */
class AfterSalesPanel extends Div {

    private record Photo(byte[] bytes, String type) {
    }

    private final List<Photo> photos = new ArrayList<>();

    AfterSalesPanel(ShopOrder order, AfterSales afterSales, io.yizhan.station.parcels.Sending sending, Consumer<String> say) {
        setId("shop-after-sales");
        add(new H3(getTranslation("shopping.after-sales.title")));
        for (AfterSales.Case c : afterSales.ofOrder(order.id())) {
            add(new Paragraph(getTranslation("shopping.after-sales.case", getTranslation("shopping.after-sales.type." + c.type()),
                    c.reason().equals(AfterSales.NO_REASON) ? getTranslation("shopping.after-sales.no-reason") : c.reason(), Money.yuan(c.amountFen()),
                    getTranslation("shopping.after-sales.status." + c.status()) + (c.returnWaybill() == null ? ""
                            : " · " + getTranslation("shopping.after-sales.sent-back", c.returnWaybill())))));
            if (c.awaitsReturnParcel()) {
                add(sendBack(c, afterSales, sending, say));
            }
        }
        if (order.status() == io.yizhan.station.shopping.OrderStatus.AFTER_SALES) {
            return;
        }
        Select<String> type = new Select<>();
        type.setId("shop-as-type");
        type.setLabel(getTranslation("shopping.after-sales.type"));
        type.setItems("RETURN", "REFUND", "EXCHANGE", "REPAIR");
        type.setItemLabelGenerator(t -> getTranslation("shopping.after-sales.type." + t));
        type.setValue("RETURN");
        Checkbox noReason = new Checkbox(getTranslation("shopping.after-sales.no-reason"), true);
        noReason.setId("shop-as-no-reason");
        TextField fault = new TextField(getTranslation("shopping.after-sales.fault"));
        fault.setId("shop-as-fault");
        fault.setMaxLength(200);
        fault.setVisible(false);
        noReason.addValueChangeListener(e -> fault.setVisible(!e.getValue()));
        Checkbox unopened = new Checkbox(getTranslation("shopping.after-sales.unopened"), true);
        unopened.setId("shop-as-unopened");
        List<IntegerField> quantities = new ArrayList<>();
        Div lines = new Div();
        for (ShopOrder.Line l : order.lines()) {
            IntegerField q = new IntegerField(l.name());
            q.setId("shop-as-qty-" + l.productId());
            q.setMin(0);
            q.setMax((int) l.quantity());
            q.setValue((int) l.quantity());
            q.setStepButtonsVisible(true);
            quantities.add(q);
            lines.add(q);
        }
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            Runnable keep = () -> photos.add(new Photo(bytes, meta.contentType()));
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(keep::run);
            } else {
                keep.run();
            }
        }));
        upload.setId("shop-as-photos");
        upload.setMaxFiles(4);
        upload.setAcceptedFileTypes("image/png", "image/jpeg");
        // on a tablet or phone the camera opens directly (the browser allows it over TLS or on the station PC itself)
        upload.getElement().setProperty("capture", "environment");
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("shopping.after-sales.photo")).setMany(getTranslation("shopping.after-sales.photo")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("inventory.import.drop")).setMany(getTranslation("inventory.import.drop"))));
        Button submit = new Button(getTranslation("shopping.after-sales.submit"), e -> {
            List<Shopping.LineRequest> wanted = new ArrayList<>();
            for (int i = 0; i < order.lines().size(); i++) {
                Integer q = quantities.get(i).getValue();
                if (q != null && q > 0) {
                    wanted.add(new Shopping.LineRequest(order.lines().get(i).productId(), q));
                }
            }
            try {
                AfterSales.Case c = afterSales.request(order.id(), new AfterSales.Request(type.getValue(),
                        noReason.getValue() ? AfterSales.NO_REASON : fault.getValue(), unopened.getValue(), wanted));
                photos.forEach(p -> afterSales.addPhoto(c.id(), p.bytes(), p.type()));
                say.accept(getTranslation("shopping.after-sales.made." + (c.status().equals("PENDING") ? "PENDING" : "APPROVED"),
                        Money.yuan(c.amountFen())));
            } catch (CodedRefusal refused) {
                say.accept(getTranslation(refused.messageKey(), refused.args()));
            }
        });
        submit.setId("shop-as-submit");
        add(CounterForms.row(type, noReason, fault, unopened), lines, upload, submit);
    }

    /** The returned item back to the platform's returns warehouse: weighed, a courier chosen, the waybill label printed, postage billed to the platform. */
    private Div sendBack(AfterSales.Case c, AfterSales afterSales, io.yizhan.station.parcels.Sending sending, Consumer<String> say) {
        Select<String> courier = new Select<>();
        courier.setId("shop-return-courier");
        courier.setLabel(getTranslation("shopping.after-sales.courier"));
        courier.setItems(sending.couriers());
        courier.setItemLabelGenerator(sending::courierName);
        sending.couriers().stream().findFirst().ifPresent(courier::setValue);
        IntegerField grams = new IntegerField(getTranslation("shopping.after-sales.grams"));
        grams.setId("shop-return-grams");
        grams.setMin(1);
        Button send = new Button(getTranslation("shopping.after-sales.send-back"), e -> {
            try {
                AfterSales.Case sent = afterSales.sendBack(c.id(), courier.getValue(), grams.getValue() == null ? 0 : grams.getValue());
                say.accept(getTranslation("shopping.after-sales.sent-back", sent.returnWaybill()));
            } catch (io.yizhan.station.shared.RefusedException refused) {
                say.accept(refused instanceof CodedRefusal coded ? getTranslation(coded.messageKey(), coded.args()) : getTranslation(refused.messageKey()));
            }
        });
        send.setId("shop-return-send");
        return new Div(CounterForms.row(courier, grams, send));
    }
}

package io.yizhan.station.consignment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.yizhan.station.consignment.ConsignmentRefused;
import io.yizhan.station.consignment.ListingCheck;
import io.yizhan.station.consignment.Listings;
import io.yizhan.station.consignment.LotCare;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * 代销上架: a clerk writes a lot's listing for the platform — title, description, price, quantity
 * offered, its picture (uploaded, or taken with the device's camera where the browser allows it) —
 * and checks its words against the listing rules (each hit highlighted with its rule and a suggested
 * rewording) before submitting it; the manager approves it (it goes to central) or sends it back with
 * a reason; central's decision shows here when it comes back.
 */
@Route(value = "counter/listings", layout = CounterLayout.class)
@Menu(order = 19.6, title = "menu.counter.listings")
@RolesAllowed(Role.CLERK_NAME)
public class ListingsView extends Div implements HasDynamicTitle {

    private final Listings listings;
    private final ListingCheck check;
    private final Goods goods;
    private final StationTime time;
    private final Select<LotCare.OnShelf> lot = new Select<>();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final TextField price = new TextField();
    private final TextField quantity = new TextField();
    private final Image preview = new Image();
    private final Upload picture = new Upload(UploadHandler.inMemory((meta, bytes) -> {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> setPicture(bytes));
        } else {
            setPicture(bytes);
        }
    }));
    private final Div checked = new Div();
    private final Paragraph result = new Paragraph();
    private final Grid<Listings.Listing> list = new Grid<>();

    private final boolean manager;

    public ListingsView(Listings listings, ListingCheck check, Goods goods, StationTime time, AuthenticationContext auth) {
        this.manager = auth.hasRole(Role.MANAGER_NAME);
        this.listings = listings;
        this.check = check;
        this.goods = goods;
        this.time = time;
        addClassName("counter-page");
        add(new H1(getTranslation("consignment.listings.title")));
        lot.setId("listing-lot");
        lot.setLabel(getTranslation("consignment.listings.lot"));
        lot.setItemLabelGenerator(l -> l.lotNo() + " " + l.productName() + " " + l.grade() + " · "
                + getTranslation("consignment.listings.left", Quantities.text(l.unit(), l.left(), getLocale())));
        lot.addValueChangeListener(e -> chosen(e.getValue()));
        lot.setWidth("28em");
        title.setId("listing-title");
        title.setLabel(getTranslation("consignment.listings.listing-title"));
        title.setMaxLength(60);
        title.setWidth("28em");
        description.setId("listing-description");
        description.setLabel(getTranslation("consignment.listings.description"));
        description.setMaxLength(2_000);
        description.setWidth("40em");
        price.setId("listing-price");
        price.setLabel(getTranslation("consignment.intake.price.KG"));
        price.setAllowedCharPattern("[0-9.]");
        quantity.setId("listing-quantity");
        quantity.setLabel(getTranslation("consignment.listings.quantity.KG"));
        quantity.setAllowedCharPattern("[0-9.]");
        picture.setId("listing-picture");
        picture.setMaxFiles(1);
        picture.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/bmp");
        // on a tablet or phone the camera opens directly (the browser allows it over TLS or on the station PC itself)
        picture.getElement().setProperty("capture", "environment");
        picture.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("consignment.listings.picture")).setMany(getTranslation("consignment.listings.picture")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("inventory.import.drop")).setMany(getTranslation("inventory.import.drop"))));
        preview.setId("listing-picture-preview");
        preview.addClassName("sku-picture");
        preview.setVisible(false);
        Button checkWords = new Button(getTranslation("consignment.listings.check"), e -> showCheck());
        checkWords.setId("listing-check");
        Button submit = new Button(getTranslation("consignment.listings.submit"), e -> submit());
        submit.setId("listing-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        checked.setId("listing-hits");
        result.setId("listing-result");
        result.addClassName("pay-result");
        result.getElement().setAttribute("aria-live", "assertive");
        add(lot, title, description, CounterForms.row(price, quantity), CounterForms.row(picture, preview), CounterForms.row(checkWords, submit),
                checked, result);

        add(new H2(getTranslation("consignment.listings.list")));
        list.setId("listing-list");
        list.addColumn(l -> time.dateTime(l.updatedAt())).setHeader(getTranslation("consignment.settlement.at")).setAutoWidth(true);
        list.addColumn(l -> l.lotNo() + " " + l.productName()).setHeader(getTranslation("consignment.settlement.lot")).setAutoWidth(true);
        list.addColumn(Listings.Listing::title).setHeader(getTranslation("consignment.listings.listing-title")).setFlexGrow(2);
        list.addColumn(l -> Money.yuan(l.priceFen()) + "/" + getTranslation("inventory.unit.per." + l.unit()) + " · "
                + Quantities.text(l.unit(), l.quantity(), getLocale())).setHeader(getTranslation("consignment.listings.offer")).setAutoWidth(true);
        list.addComponentColumn(this::status).setHeader(getTranslation("consignment.listings.status")).setAutoWidth(true);
        list.setAllRowsVisible(true);
        add(list);
        refresh();
    }

    private void chosen(LotCare.OnShelf l) {
        if (l == null) {
            return;
        }
        title.setValue(l.productName() + " " + l.grade() + " " + l.origin());
        price.setLabel(getTranslation("consignment.intake.price." + l.unit()));
        price.setValue(new BigDecimal(l.priceNowFen()).movePointLeft(2).toPlainString());
        quantity.setLabel(getTranslation("consignment.listings.quantity." + l.unit()));
        long left = l.left();
        quantity.setValue(l.unit() == Unit.KG ? new BigDecimal(left).movePointLeft(3).toPlainString() : String.valueOf(left));
        showPicture(l);
    }

    private void setPicture(byte[] bytes) {
        LotCare.OnShelf l = lot.getValue();
        if (l == null) {
            say("refused", getTranslation("consignment.listings.choose-lot"));
        } else {
            try {
                goods.setPicture(l.sku(), bytes);
                showPicture(l);
                say("succeeded", getTranslation("inventory.picture.saved"));
            } catch (InventoryRefused refused) {
                say("refused", getTranslation(refused.messageKey(), refused.args()));
            }
        }
        picture.clearFileList();
    }

    private void showPicture(LotCare.OnShelf l) {
        Optional<byte[]> jpeg = goods.picture(l.sku());
        preview.setVisible(jpeg.isPresent());
        jpeg.ifPresent(bytes -> {
            preview.setSrc(DownloadHandler.fromInputStream(event -> new com.vaadin.flow.server.streams.DownloadResponse(
                    new java.io.ByteArrayInputStream(bytes), l.lotNo() + ".jpg", "image/jpeg", bytes.length)));
            preview.setAlt(getTranslation("inventory.picture.alt", l.productName()));
        });
    }

    /** The title and description with each hit marked, and what each rule says to write instead. */
    private boolean showCheck() {
        checked.removeAll();
        ListingCheck.Result r = check.check(title.getValue(), description.getValue());
        if (r.ok()) {
            Paragraph ok = new Paragraph(getTranslation("consignment.listings.ok"));
            ok.addClassName("pay-result");
            ok.getElement().setAttribute("data-outcome", "succeeded");
            checked.add(ok);
            return true;
        }
        checked.add(marked("title", title.getValue(), r.hits()), marked("description", description.getValue(), r.hits()));
        UnorderedList why = new UnorderedList();
        r.hits().forEach(h -> why.add(new ListItem(getTranslation("consignment.listings.hit", h.word(), h.law(), h.suggestion()))));
        checked.add(why);
        return false;
    }

    private static Paragraph marked(String field, String text, List<ListingCheck.Hit> hits) {
        Paragraph p = new Paragraph();
        p.addClassName("listing-marked");
        int at = 0;
        for (ListingCheck.Hit h : hits.stream().filter(h -> h.field().equals(field)).sorted(java.util.Comparator.comparingInt(ListingCheck.Hit::start))
                .toList()) {
            if (h.start() < at) {
                continue;
            }
            p.add(new Span(text.substring(at, h.start())));
            Component mark = new com.vaadin.flow.component.html.Emphasis(text.substring(h.start(), h.end()));
            mark.getElement().setAttribute("class", "listing-hit");
            p.add(mark);
            at = h.end();
        }
        p.add(new Span(text.substring(at)));
        return p;
    }

    private void submit() {
        LotCare.OnShelf l = lot.getValue();
        if (l == null) {
            say("refused", getTranslation("consignment.listings.choose-lot"));
            return;
        }
        if (!showCheck()) {
            say("refused", getTranslation("consignment.listings.fix-words"));
            return;
        }
        long priceFen;
        long offered;
        try {
            priceFen = Money.fen(price.getValue());
            BigDecimal q = new BigDecimal(quantity.getValue().strip());
            offered = l.unit() == Unit.KG ? q.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact() : q.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            say("refused", getTranslation("consignment.error.listing-quantity"));
            return;
        }
        try {
            Listings.Listing made = listings.submit(new Listings.ListingRequest(l.lotId(), title.getValue(), description.getValue(), priceFen, offered));
            say("succeeded", getTranslation("consignment.listings.submitted", made.title()));
            refresh();
        } catch (ConsignmentRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        }
    }

    private Component status(Listings.Listing l) {
        Span status = new Span(getTranslation("consignment.listings.status." + l.status()) + (l.reason() == null ? "" : " · " + l.reason()));
        if (l.status() != Listings.Status.SUBMITTED || !manager) {
            return status;
        }
        TextField reason = new TextField();
        reason.setAriaLabel(getTranslation("consignment.listings.reason"));
        reason.setPlaceholder(getTranslation("consignment.listings.reason"));
        reason.setMaxLength(200);
        Button approve = new Button(getTranslation("consignment.listings.approve"), e -> review(() -> listings.approve(l.id()), "consignment.listings.sent"));
        approve.setId("listing-approve-" + l.id());
        approve.addThemeVariants(ButtonVariant.PRIMARY);
        Button reject = new Button(getTranslation("consignment.listings.reject"),
                e -> review(() -> listings.reject(l.id(), reason.getValue()), "consignment.listings.sent-back"));
        reject.setId("listing-reject-" + l.id());
        return new Div(status, approve, reason, reject);
    }

    private void review(java.util.function.Supplier<Listings.Listing> action, String doneKey) {
        try {
            Listings.Listing l = action.get();
            say("succeeded", getTranslation(doneKey, l.title()));
            refresh();
        } catch (AccessDeniedException e) {
            say("refused", getTranslation("consignment.listings.manager-only"));
        } catch (ConsignmentRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        }
    }

    private void refresh() {
        lot.setItems(listings.listable());
        list.setItems(listings.recent(100));
    }

    private void say(String outcome, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", outcome);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("consignment.listings.title");
    }
}

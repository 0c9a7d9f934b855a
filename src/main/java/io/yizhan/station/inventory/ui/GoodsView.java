package io.yizhan.station.inventory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.devices.ScanConsumer;
import io.yizhan.station.devices.ScanReceived;
import io.yizhan.station.inventory.Goods;
import io.yizhan.station.inventory.GoodsImport;
import io.yizhan.station.inventory.InventoryRefused;
import io.yizhan.station.inventory.Quantities;
import io.yizhan.station.inventory.MoveRequest;
import io.yizhan.station.inventory.MoveType;
import io.yizhan.station.inventory.Sku;
import io.yizhan.station.inventory.SkuDraft;
import io.yizhan.station.inventory.Stock;
import io.yizhan.station.inventory.Thresholds;
import io.yizhan.station.inventory.Unit;
import io.yizhan.station.inventory.WriteOffReason;
import io.yizhan.station.shared.Money;
import io.yizhan.station.staff.Role;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * 商品与库存: find goods by name, pinyin initials or a scan; create and change them; receive, transfer,
 * write off and adjust stock; print shelf and barcode labels; import the station's spreadsheet (a dry
 * run first, then the import of the same file); the low-stock and near-expiry lists.
 */
@Route(value = "counter/goods", layout = CounterLayout.class)
@Menu(order = 17, title = "menu.counter.goods")
@RolesAllowed(Role.CLERK_NAME)
public class GoodsView extends Div implements ScanConsumer, HasDynamicTitle {

    private final Goods goods;
    private final Stock stock;
    private final Thresholds thresholds;
    private final GoodsImport importer;
    private final TextField query = new TextField();
    private final Grid<Sku> list = new Grid<>();
    private final Paragraph result = new Paragraph();
    private final SkuForm form;
    private final MoveForm moves;
    private final Div importResult = new Div();
    private final Button importNow = new Button();
    private final Details formBox;
    private final Details movesBox;
    private final Grid<Thresholds.Low> low = new Grid<>();
    private final Grid<Thresholds.NearExpiry> expiring = new Grid<>();
    private byte @Nullable [] uploaded;
    private Map<String, Long> onHand = Map.of();

    public GoodsView(Goods goods, Stock stock, Thresholds thresholds, GoodsImport importer) {
        this.goods = goods;
        this.stock = stock;
        this.thresholds = thresholds;
        this.importer = importer;
        addClassName("counter-page");
        add(new H1(getTranslation("inventory.title")));

        query.setId("goods-query");
        query.setLabel(getTranslation("inventory.search"));
        query.setHelperText(getTranslation("inventory.search.help"));
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setClearButtonVisible(true);
        query.addValueChangeListener(e -> search());
        result.setId("goods-result");
        result.addClassName("pay-result");
        result.getElement().setAttribute("aria-live", "polite");
        add(query, result);

        list.setId("goods-list");
        list.addColumn(Sku::sku).setHeader(getTranslation("inventory.sku")).setAutoWidth(true);
        list.addColumn(s -> s.name() + (s.spec().isEmpty() ? "" : " " + s.spec())).setHeader(getTranslation("inventory.name")).setFlexGrow(2);
        list.addColumn(s -> s.pricePerUnit(getTranslation("inventory.unit.per.PIECE"), getTranslation("inventory.unit.per.KG")))
                .setHeader(getTranslation("sales.line.price")).setAutoWidth(true);
        list.addColumn(s -> quantity(s.unit(), onHand.getOrDefault(s.sku(), 0L))).setHeader(getTranslation("inventory.on-hand")).setAutoWidth(true);
        list.addColumn(s -> quantity(s.unit(), s.threshold())).setHeader(getTranslation("inventory.threshold")).setAutoWidth(true);
        list.addComponentColumn(this::actions).setHeader(getTranslation("counter.home.calls.action")).setAutoWidth(true);
        list.setAllRowsVisible(true);
        add(list);

        form = new SkuForm(this::saved);
        moves = new MoveForm();
        // three tasks, each folded under its heading: the screen stays short, and the import is open while the station has no goods
        formBox = new Details(new H2(getTranslation("inventory.form.title")), form);
        movesBox = new Details(new H2(getTranslation("inventory.move.title")), moves);
        Div importBox = new Div(new Paragraph(getTranslation("inventory.import.help")));
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            Runnable check = () -> dryRun(bytes);
            if (ui != null) {
                ui.access(check::run);
            } else {
                check.run();
            }
        }));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFileSize(16 * 1024 * 1024);
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("inventory.import.upload")).setMany(getTranslation("inventory.import.upload")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("inventory.import.drop")).setMany(getTranslation("inventory.import.drop")))
                .setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("inventory.import.error.too-large"))
                        .setIncorrectFileType(getTranslation("inventory.import.error.not-spreadsheet"))
                        .setTooManyFiles(getTranslation("inventory.import.one-file"))));
        importNow.setId("import-now");
        importNow.setText(getTranslation("inventory.import.store"));
        importNow.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        importNow.setEnabled(false);
        importNow.setDisableOnClick(true);
        importNow.addClickListener(e -> store());
        Anchor xlsx = new Anchor(download(GoodsImport::templateXlsx, "goods-template.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), getTranslation("inventory.import.template.xlsx"));
        xlsx.setId("template-xlsx");
        xlsx.addClassName("download-link");
        Anchor csv = new Anchor(download(GoodsImport::templateCsv, "goods-template.csv", "text/csv"), getTranslation("inventory.import.template.csv"));
        csv.setId("template-csv");
        csv.addClassName("download-link");
        importResult.setId("import-result");
        importResult.addClassName("import-result");
        importResult.getElement().setAttribute("aria-live", "polite");
        importBox.add(CounterForms.row(upload, importNow), CounterForms.row(xlsx, csv), importResult);
        Details importDetails = new Details(new H2(getTranslation("inventory.import.title")), importBox);
        importDetails.setId("import-box");
        importDetails.setOpened(goods.count() == 0);
        formBox.setId("sku-box");
        movesBox.setId("move-box");
        add(importDetails, formBox, movesBox);

        low.setId("low-stock");
        low.addColumn(Thresholds.Low::name).setHeader(getTranslation("inventory.name")).setFlexGrow(2);
        low.addColumn(l -> quantity(l.unit(), l.onHand())).setHeader(getTranslation("inventory.on-hand")).setAutoWidth(true);
        low.addColumn(l -> quantity(l.unit(), l.threshold())).setHeader(getTranslation("inventory.threshold")).setAutoWidth(true);
        low.addColumn(l -> quantity(l.unit(), l.suggestion())).setHeader(getTranslation("inventory.suggestion")).setAutoWidth(true);
        low.setAllRowsVisible(true);
        expiring.setId("near-expiry");
        expiring.addColumn(Thresholds.NearExpiry::name).setHeader(getTranslation("inventory.name")).setFlexGrow(2);
        expiring.addColumn(Thresholds.NearExpiry::batch).setHeader(getTranslation("inventory.batch")).setAutoWidth(true);
        expiring.addColumn(Thresholds.NearExpiry::location).setHeader(getTranslation("inventory.location")).setAutoWidth(true);
        expiring.addColumn(n -> n.expiresOn().toString()).setHeader(getTranslation("inventory.expires")).setAutoWidth(true);
        expiring.addColumn(n -> quantity(n.unit(), n.quantity())).setHeader(getTranslation("inventory.on-hand")).setAutoWidth(true);
        expiring.setAllRowsVisible(true);
        Div lowBox = new Div(new H2(getTranslation("inventory.low.title")), low);
        Div expiryBox = new Div(new H2(getTranslation("inventory.expiry.title", thresholds.nearExpiryDays())), expiring);
        Div lists = new Div(lowBox, expiryBox);
        lists.addClassName("inventory-lists");
        add(lists);
        showLists();
        search();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inventory.title");
    }

    @Override
    public void onScan(ScanReceived scan) {
        query.setValue(scan.code().strip());
        try {
            Sku sku = goods.read(scan.code()).sku();
            form.edit(sku);
            moves.forSku(sku);
            formBox.setOpened(true);
            movesBox.setOpened(true);
        } catch (InventoryRefused e) {
            // an unknown barcode: a new good with it
            form.newWithBarcode(scan.code().strip());
            formBox.setOpened(true);
            say("refused", getTranslation(e.messageKey(), e.args()));
        }
    }


    private String quantity(Unit unit, long q) {
        return Quantities.text(unit, q, getLocale());
    }

    private void say(String outcome, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", outcome);
    }

    private void search() {
        List<Sku> found = goods.search(query.getValue(), 50);
        onHand = goods.onHand(found.stream().map(Sku::sku).toList());
        list.setItems(found);
        list.setVisible(!found.isEmpty());
    }

    private void showLists() {
        low.setItems(thresholds.lowStock());
        expiring.setItems(thresholds.nearExpiry());
    }

    private Component actions(Sku sku) {
        Button edit = new Button(getTranslation("inventory.edit"), e -> {
            form.edit(sku);
            moves.forSku(sku);
            formBox.setOpened(true);
            movesBox.setOpened(true);
        });
        Button shelf = new Button(getTranslation("inventory.label.shelf"), e -> printed(() -> goods.printShelfLabel(sku.sku()).isPresent()));
        shelf.setId("shelf-label-" + sku.sku());
        Button codes = new Button(getTranslation("inventory.label.barcode"), e -> printed(() -> goods.printBarcodeLabels(sku.sku(), 1).isPresent()));
        codes.setVisible(sku.barcodes().isEmpty() || sku.barcodeList().stream().anyMatch(b -> b.startsWith("20")));
        return new HorizontalLayout(edit, shelf, codes);
    }

    private void printed(Supplier<Boolean> print) {
        try {
            boolean queued = print.get();
            say(queued ? "succeeded" : "refused", getTranslation(queued ? "inventory.label.queued" : "inventory.label.no-printer"));
        } catch (InventoryRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        }
    }

    private void saved(Sku sku) {
        say("succeeded", getTranslation("inventory.form.saved", sku.name()));
        query.setValue(sku.sku());
        search();
        moves.forSku(sku);
    }

    private void dryRun(byte[] bytes) {
        uploaded = null;
        importNow.setEnabled(false);
        try {
            GoodsImport.Result r = importer.run(bytes, true);
            uploaded = bytes;
            importNow.setEnabled(r.accepted() > 0);
            showImport(getTranslation("inventory.import.checked", r.accepted(), r.rejected().size()), r);
        } catch (InventoryRefused e) {
            showImport(getTranslation(e.messageKey(), e.args()), null);
        }
    }

    private void store() {
        byte[] bytes = uploaded;
        if (bytes == null) {
            return;
        }
        try {
            GoodsImport.Result r = importer.run(bytes, false);
            uploaded = null;
            showImport(getTranslation("inventory.import.stored", r.accepted(), r.rejected().size()), r);
            search();
            showLists();
        } catch (InventoryRefused e) {
            showImport(getTranslation(e.messageKey(), e.args()), null);
            importNow.setEnabled(true);
        }
    }

    private void showImport(String summary, GoodsImport.@Nullable Result r) {
        importResult.removeAll();
        Paragraph head = new Paragraph(summary);
        head.addClassName("pay-result");
        importResult.add(head);
        if (r != null && !r.rejected().isEmpty()) {
            UnorderedList rows = new UnorderedList();
            r.rejected().stream().limit(500).forEach(x -> rows.add(new ListItem(getTranslation("inventory.import.row", x.row(),
                    getTranslation(x.reasonKey(), x.args().toArray())))));
            importResult.add(rows);
        }
    }

    static DownloadHandler download(Supplier<byte[]> bytes, String name, String type) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] body = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(body), name, type, body.length);
        });
    }

    /** A good's details: a new one, or the one chosen. */
    private final class SkuForm extends Div {
        private final TextField sku = new TextField(getTranslation("inventory.sku"));
        private final TextField shortCode = new TextField(getTranslation("inventory.short-code"));
        private final TextField name = new TextField(getTranslation("inventory.name"));
        private final TextField spec = new TextField(getTranslation("inventory.spec"));
        private final Select<Unit> unit = new Select<>();
        private final TextField price = new TextField(getTranslation("inventory.price"));
        private final TextField cost = new TextField(getTranslation("inventory.cost"));
        private final TextField category = new TextField(getTranslation("inventory.category"));
        private final TextField barcodes = new TextField(getTranslation("inventory.barcodes"));
        private final TextField threshold = new TextField(getTranslation("inventory.threshold"));
        private final com.vaadin.flow.component.html.Image preview = new com.vaadin.flow.component.html.Image();
        private final Upload picture = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            Runnable set = () -> setPicture(bytes);
            if (ui != null) {
                ui.access(set::run);
            } else {
                set.run();
            }
        }));

        SkuForm(java.util.function.Consumer<Sku> saved) {
            setId("sku-form");
            sku.setId("sku-code");
            name.setId("sku-name");
            price.setId("sku-price");
            barcodes.setId("sku-barcodes");
            barcodes.setHelperText(getTranslation("inventory.barcodes.help"));
            unit.setId("sku-unit");
            unit.setLabel(getTranslation("inventory.unit"));
            unit.setItems(Unit.values());
            unit.setItemLabelGenerator(u -> getTranslation("inventory.unit." + u));
            unit.setValue(Unit.PIECE);
            price.setAllowedCharPattern("[0-9.]");
            cost.setAllowedCharPattern("[0-9.]");
            threshold.setAllowedCharPattern("[0-9.]");
            shortCode.setHelperText(getTranslation("inventory.short-code.help"));
            Button save = new Button(getTranslation("inventory.form.save"), e -> {
                try {
                    Unit u = unit.getValue();
                    saved.accept(goods.save(new SkuDraft(sku.getValue(), shortCode.getValue(), name.getValue(), spec.getValue(), u,
                            yuan(price, 0), cost.isEmpty() ? null : yuan(cost, 0), category.getValue(),
                            Arrays.stream(barcodes.getValue().split("[,，\\s]+")).filter(b -> !b.isBlank()).toList(), amount(u, threshold))));
                } catch (InventoryRefused refused) {
                    say("refused", getTranslation(refused.messageKey(), refused.args()));
                } catch (NumberFormatException | ArithmeticException bad) {
                    say("refused", getTranslation("inventory.error.price"));
                }
            });
            save.setId("sku-save");
            save.addThemeVariants(ButtonVariant.PRIMARY);
            Button fresh = new Button(getTranslation("inventory.form.new"), e -> newWithBarcode(""));
            picture.setId("sku-picture");
            picture.setMaxFiles(1);
            picture.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/bmp");
            picture.setI18n(new UploadI18N()
                    .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("inventory.picture.upload")).setMany(getTranslation("inventory.picture.upload")))
                    .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("inventory.import.drop")).setMany(getTranslation("inventory.import.drop"))));
            preview.setId("sku-picture-preview");
            preview.addClassName("sku-picture");
            preview.setVisible(false);
            add(CounterForms.row(sku, shortCode, name, spec, unit), CounterForms.row(price, cost, category, barcodes, threshold),
                    CounterForms.row(picture, preview), CounterForms.row(save, fresh));
        }

        /** The picture for the good in the form, which must be saved first. */
        private void setPicture(byte[] bytes) {
            try {
                goods.setPicture(sku.getValue().strip(), bytes);
                showPicture(sku.getValue().strip());
                say("succeeded", getTranslation("inventory.picture.saved"));
            } catch (InventoryRefused refused) {
                say("refused", getTranslation(refused.messageKey(), refused.args()));
            }
            picture.clearFileList();
        }

        private void showPicture(String code) {
            java.util.Optional<byte[]> jpeg = goods.picture(code);
            preview.setVisible(jpeg.isPresent());
            jpeg.ifPresent(bytes -> {
                preview.setSrc(download(() -> bytes, code + ".jpg", "image/jpeg"));
                preview.setAlt(getTranslation("inventory.picture.alt", name.getValue()));
            });
        }

        void edit(Sku s) {
            showPicture(s.sku());
            sku.setValue(s.sku());
            shortCode.setValue(s.shortCode());
            name.setValue(s.name());
            spec.setValue(s.spec());
            unit.setValue(s.unit());
            price.setValue(BigDecimal.valueOf(s.priceFen(), 2).toPlainString());
            cost.setValue(s.costFen() == null ? "" : BigDecimal.valueOf(s.costFen(), 2).toPlainString());
            category.setValue(s.category());
            barcodes.setValue(String.join(", ", s.barcodeList()));
            threshold.setValue(s.unit() == Unit.KG ? BigDecimal.valueOf(s.threshold(), 3).toPlainString() : String.valueOf(s.threshold()));
        }

        void newWithBarcode(String barcode) {
            for (TextField f : List.of(sku, shortCode, name, spec, price, cost, category, threshold)) {
                f.clear();
            }
            barcodes.setValue(barcode);
            unit.setValue(Unit.PIECE);
            preview.setVisible(false);
            sku.focus();
        }
    }

    private static long yuan(TextField f, long otherwise) {
        return f.isEmpty() ? otherwise : Money.fen(f.getValue());
    }

    /** Pieces, or kg typed with up to three decimals as grams. */
    private static long amount(Unit unit, TextField f) {
        if (f.isEmpty()) {
            return 0;
        }
        BigDecimal v = new BigDecimal(f.getValue().strip());
        return unit == Unit.KG ? v.movePointRight(3).longValueExact() : v.longValueExact();
    }

    /** A stock move: receiving, transfer, write-off, return or adjustment of the chosen good. */
    private final class MoveForm extends Div {
        private final Select<MoveType> type = new Select<>();
        private final TextField sku = new TextField(getTranslation("inventory.sku"));
        private final TextField batch = new TextField(getTranslation("inventory.batch"));
        private final DatePicker produced = new DatePicker(getTranslation("inventory.produced"));
        private final DatePicker expires = new DatePicker(getTranslation("inventory.expires"));
        private final TextField from = new TextField(getTranslation("inventory.from"));
        private final TextField to = new TextField(getTranslation("inventory.to"));
        private final TextField quantity = new TextField(getTranslation("sales.line.quantity"));
        private final ComboBox<WriteOffReason> reason = new ComboBox<>(getTranslation("inventory.write-off.reason"));
        private @Nullable Sku chosen;

        MoveForm() {
            setId("move-form");
            type.setId("move-type");
            type.setLabel(getTranslation("inventory.move.type"));
            type.setItems(MoveType.RECEIVE, MoveType.TRANSFER, MoveType.WRITE_OFF, MoveType.RETURN, MoveType.ADJUST);
            type.setItemLabelGenerator(t -> getTranslation("inventory.move." + t));
            type.setValue(MoveType.RECEIVE);
            type.addValueChangeListener(e -> fit());
            sku.setId("move-sku");
            quantity.setId("move-quantity");
            quantity.setAllowedCharPattern("[0-9.-]");
            from.setId("move-from");
            to.setId("move-to");
            reason.setId("move-reason");
            reason.setItems(WriteOffReason.EXPIRED, WriteOffReason.DAMAGED, WriteOffReason.SPOILED, WriteOffReason.LOST);
            reason.setItemLabelGenerator(r -> getTranslation("inventory.write-off." + r));
            Button go = new Button(getTranslation("inventory.move.record"), e -> record());
            go.setId("move-record");
            go.addThemeVariants(ButtonVariant.PRIMARY);
            add(CounterForms.row(type, sku, batch, produced, expires), CounterForms.row(from, to, quantity, reason, go));
            fit();
        }

        void forSku(Sku s) {
            chosen = s;
            sku.setValue(s.sku());
            quantity.setHelperText(getTranslation(s.unit() == Unit.KG ? "inventory.quantity.kg" : "inventory.quantity.piece"));
        }

        private void fit() {
            MoveType t = type.getValue();
            from.setVisible(t == MoveType.TRANSFER || t == MoveType.WRITE_OFF || t == MoveType.ADJUST);
            to.setVisible(t == MoveType.RECEIVE || t == MoveType.TRANSFER || t == MoveType.RETURN);
            produced.setVisible(t == MoveType.RECEIVE);
            expires.setVisible(t == MoveType.RECEIVE);
            reason.setVisible(t == MoveType.WRITE_OFF);
        }

        private void record() {
            try {
                Sku s = goods.find(sku.getValue().strip()).orElseThrow(() -> new InventoryRefused("NOT_FOUND", 404, "inventory.error.no-sku",
                        sku.getValue(), sku.getValue()));
                long q = amount(s.unit(), quantity);
                stock.move(new MoveRequest(type.getValue(), s.sku(), batch.getValue(), produced.getValue(), expires.getValue(), from.getValue(),
                        to.getValue(), q, null, reason.getValue() == null ? null : reason.getValue().name()));
                say("succeeded", getTranslation("inventory.move.done", getTranslation("inventory.move." + type.getValue()), s.name(), quantity(s.unit(), q)));
                quantity.clear();
                search();
                showLists();
            } catch (InventoryRefused refused) {
                say("refused", getTranslation(refused.messageKey(), refused.args()));
            } catch (NumberFormatException | ArithmeticException bad) {
                say("refused", getTranslation("inventory.error.quantity"));
            }
        }
    }
}

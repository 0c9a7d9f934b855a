package io.yizhan.station.shopping.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.yizhan.contract.ShopOffer;
import io.yizhan.station.counter.CounterForms;
import io.yizhan.station.counter.CounterLayout;
import io.yizhan.station.payments.PaymentRefused;
import io.yizhan.station.payments.Payments;
import io.yizhan.station.shared.CodedRefusal;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shopping.Catalog;
import io.yizhan.station.shopping.DisplayBoard;
import io.yizhan.station.shopping.OrderStatus;
import io.yizhan.station.shopping.Residents;
import io.yizhan.station.shopping.ShopOrder;
import io.yizhan.station.shopping.Shopping;
import io.yizhan.station.staff.Role;
import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.Terminals;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 代购 at the counter: find products by name, pinyin initials or category; the resident by phone
 * (kept for repeat visits, shown masked); a cart, delivery to the station or home, the best single
 * offer shown with its reason; then 下单 — reserved at central until a time shown, in review, or a
 * draft while central is away. Consent comes next: the order on the counter's customer display, or a
 * printed slip the resident signs; then payment in cash or by payment code. Below: the open orders
 * by status, with the manager's review.
 */
@Route(value = "counter/shopping", layout = CounterLayout.class)
@Menu(order = 19.9, title = "menu.counter.shopping")
@RolesAllowed(Role.CLERK_NAME)
public class ShoppingView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final Catalog catalog;
    private final io.yizhan.station.shopping.AfterSales afterSales;
    private final io.yizhan.station.parcels.Sending sending;
    private final Shopping shopping;
    private final Residents residents;
    private final DisplayBoard display;
    private final Terminals terminals;
    private final StationTime time;
    private final Clock clock;
    private final TextField search = new TextField();
    private final Select<String> category = new Select<>();
    private final Grid<Catalog.Product> results = new Grid<>();
    private final TextField phone = new TextField();
    private final TextField name = new TextField();
    private final Paragraph known = new Paragraph();
    private final Map<String, Long> cart = new LinkedHashMap<>();
    private final Grid<Map.Entry<String, Long>> cartGrid = new Grid<>();
    private final Paragraph totals = new Paragraph();
    private final RadioButtonGroup<String> delivery = new RadioButtonGroup<>();
    private final TextField address = new TextField();
    private final Div order = new Div();
    private final Paragraph result = new Paragraph();
    private final Grid<ShopOrder> open = new Grid<>();
    private @Nullable UUID current;
    private com.vaadin.flow.shared.@Nullable Registration poll;
    /** What the order panel shows of the current order (its status and consent), to redraw it only when that changes. */
    private String shown = "";
    private String idempotencyKey = UUID.randomUUID().toString();

    public ShoppingView(Catalog catalog, Shopping shopping, Residents residents, DisplayBoard display, Terminals terminals, StationTime time,
                        Clock clock, io.yizhan.station.shopping.AfterSales afterSales, io.yizhan.station.parcels.Sending sending) {
        this.afterSales = afterSales;
        this.sending = sending;
        this.catalog = catalog;
        this.shopping = shopping;
        this.residents = residents;
        this.display = display;
        this.terminals = terminals;
        this.time = time;
        this.clock = clock;
        addClassName("counter-page");
        add(new H1(getTranslation("shopping.counter.title")));

        search.setId("shop-search");
        search.setLabel(getTranslation("shopping.counter.search"));
        search.setHelperText(getTranslation("shopping.counter.search-help"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> find());
        category.setId("shop-category");
        category.setLabel(getTranslation("shopping.counter.category"));
        List<String> codes = new ArrayList<>();
        codes.add("");
        catalog.categories().forEach(c -> codes.add(c.code()));
        category.setItems(codes);
        category.setItemLabelGenerator(code -> code.isEmpty() ? getTranslation("shopping.counter.all")
                : catalog.categories().stream().filter(c -> c.code().equals(code)).map(Catalog.Category::name).findFirst().orElse(code));
        category.setValue("");
        category.addValueChangeListener(e -> find());
        results.setId("shop-results");
        results.addColumn(Catalog.Product::fullName).setHeader(getTranslation("shopping.counter.product")).setFlexGrow(2);
        results.addColumn(p -> Money.yuan(p.priceFen())).setHeader(getTranslation("shopping.counter.price")).setAutoWidth(true);
        results.addColumn(p -> p.stock() > 0 ? String.valueOf(p.stock()) : getTranslation("shopping.counter.sold-out"))
                .setHeader(getTranslation("shopping.counter.stock")).setAutoWidth(true);
        results.addComponentColumn(p -> {
            Button add = new Button(getTranslation("shopping.counter.add"), e -> addToCart(p.productId()));
            add.setEnabled(p.stock() > 0);
            add.getElement().setAttribute("aria-label", getTranslation("shopping.counter.add-named", p.fullName()));
            return add;
        }).setAutoWidth(true);
        results.setAllRowsVisible(true);

        phone.setId("shop-phone");
        phone.setLabel(getTranslation("shopping.counter.phone"));
        phone.setAllowedCharPattern("[0-9]");
        phone.setMaxLength(11);
        phone.setValueChangeMode(ValueChangeMode.EAGER);
        phone.addValueChangeListener(e -> lookUpResident());
        name.setId("shop-name");
        name.setLabel(getTranslation("shopping.counter.name"));
        name.setMaxLength(20);
        known.setId("shop-resident");

        cartGrid.setId("shop-cart");
        cartGrid.addColumn(e -> catalog.product(e.getKey()).map(Catalog.Product::fullName).orElse(e.getKey()))
                .setHeader(getTranslation("shopping.counter.product")).setFlexGrow(2);
        cartGrid.addComponentColumn(e -> {
            Button less = new Button("−", x -> change(e.getKey(), -1));
            less.getElement().setAttribute("aria-label", getTranslation("shopping.counter.less"));
            Button more = new Button("+", x -> change(e.getKey(), 1));
            more.getElement().setAttribute("aria-label", getTranslation("shopping.counter.more"));
            return CounterForms.row(less, new com.vaadin.flow.component.html.Span(String.valueOf(e.getValue())), more);
        }).setHeader(getTranslation("shopping.counter.quantity")).setAutoWidth(true);
        cartGrid.addColumn(e -> catalog.product(e.getKey()).map(p -> Money.yuan(p.priceFen() * e.getValue())).orElse(""))
                .setHeader(getTranslation("shopping.counter.amount")).setAutoWidth(true);
        cartGrid.setAllRowsVisible(true);
        totals.setId("shop-totals");

        delivery.setId("shop-delivery");
        delivery.setLabel(getTranslation("shopping.counter.delivery"));
        delivery.setItems("STATION", "HOME");
        delivery.setItemLabelGenerator(d -> getTranslation("shopping.delivery." + d));
        delivery.setValue("STATION");
        address.setId("shop-address");
        address.setLabel(getTranslation("shopping.counter.address"));
        address.setMaxLength(120);
        address.setVisible(false);
        delivery.addValueChangeListener(e -> address.setVisible("HOME".equals(e.getValue())));

        Button place = new Button(getTranslation("shopping.counter.place"), e -> place());
        place.setId("shop-place");
        place.addThemeVariants(ButtonVariant.PRIMARY);
        place.setDisableOnClick(true);
        place.addClickListener(e -> place.setEnabled(true));
        result.setId("shop-result");
        result.getElement().setAttribute("role", "status");
        order.setId("shop-order");

        open.setId("shop-open");
        open.addColumn(o -> time.dateTime(o.createdAt())).setHeader(getTranslation("shopping.counter.at")).setAutoWidth(true);
        open.addColumn(ShopOrder::orderNo).setHeader(getTranslation("shopping.counter.order-no")).setAutoWidth(true);
        open.addColumn(o -> residents.find(o.residentId()).map(r -> r.name() == null ? r.phoneMasked() : r.shownMasked() + " " + r.phoneMasked()).orElse(""))
                .setHeader(getTranslation("shopping.counter.resident")).setAutoWidth(true);
        open.addColumn(o -> Money.yuan(o.totalFen())).setHeader(getTranslation("shopping.counter.amount")).setAutoWidth(true);
        open.addColumn(this::status).setHeader(getTranslation("shopping.counter.status")).setFlexGrow(2);
        open.setAllRowsVisible(true);
        open.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(o -> {
            current = o.id();
            showOrder();
        }));

        // the order being served first, where the clerk's eyes are; then finding, the cart, the open orders
        add(result, order, new H2(getTranslation("shopping.counter.find")), CounterForms.row(search, category), results,
                new H2(getTranslation("shopping.counter.cart")), CounterForms.row(phone, name), known, cartGrid, totals,
                CounterForms.row(delivery, address), place,
                new H2(getTranslation("shopping.counter.open")), open);
        find();
        refreshOpen();
        showCart();
    }

    /** Taking a kiosk request opens this page with its product ({@code ?product=P0001}): it goes into the cart. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("product").filter(id -> catalog.product(id).isPresent()).ifPresent(this::addToCart);
    }

    /** Products for what is typed or the kind chosen; nothing before either (the catalog is thousands long). */
    private void find() {
        String c = category.getValue() == null || category.getValue().isEmpty() ? null : category.getValue();
        results.setItems(c == null && search.getValue().isBlank() ? List.of() : catalog.page(c, search.getValue(), 0, 20).items());
    }

    private void addToCart(String productId) {
        cart.merge(productId, 1L, Long::sum);
        showCart();
    }

    private void change(String productId, int by) {
        long now = cart.getOrDefault(productId, 0L) + by;
        if (now <= 0) {
            cart.remove(productId);
        } else {
            cart.put(productId, Math.min(99, now));
        }
        showCart();
    }

    /** The cart and what it comes to, with the one offer that takes most off and why (offers never stack). */
    private void showCart() {
        cartGrid.setItems(new ArrayList<>(cart.entrySet()));
        List<ShopOffer.Line> lines = new ArrayList<>();
        cart.forEach((id, q) -> catalog.product(id).ifPresent(p -> lines.add(new ShopOffer.Line(p.category(), p.priceFen() * q))));
        long gross = lines.stream().mapToLong(ShopOffer.Line::amountFen).sum();
        Optional<ShopOffer.Applied> offer = ShopOffer.best(catalog.offers(clock.instant()), lines, clock.instant());
        totals.setText(cart.isEmpty() ? getTranslation("shopping.counter.empty") : offer.map(o -> getTranslation("shopping.counter.total-offer",
                Money.yuan(gross), o.description(), Money.yuan(o.discountFen()), Money.yuan(gross - o.discountFen())))
                .orElse(getTranslation("shopping.counter.total", Money.yuan(gross))));
        idempotencyKey = UUID.randomUUID().toString();
    }

    private void lookUpResident() {
        if (phone.getValue().length() != 11) {
            known.setText("");
            return;
        }
        try {
            known.setText(residents.byPhone(Residents.phone(phone.getValue()))
                    .map(r -> getTranslation("shopping.counter.known", r.shownMasked(), r.phoneMasked(), r.orders()))
                    .orElse(getTranslation("shopping.counter.new-resident")));
        } catch (CodedRefusal e) {
            known.setText(getTranslation(e.messageKey(), e.args()));
        }
    }

    private void place() {
        List<Shopping.LineRequest> lines = cart.entrySet().stream().map(e -> new Shopping.LineRequest(e.getKey(), e.getValue())).toList();
        try {
            Shopping.Placed placed = shopping.place(new Shopping.OrderRequest(phone.getValue(), name.getValue(), lines, delivery.getValue(),
                    address.getValue(), idempotencyKey));
            current = placed.order().id();
            cart.clear();
            showCart();
            phone.clear();
            name.clear();
            address.clear();
            delivery.setValue("STATION");
            say("placed", getTranslation("shopping.counter.placed." + placed.order().status(), placed.order().orderNo(),
                    placed.order().reservedUntil() == null ? "" : time.time(placed.order().reservedUntil())));
            showOrder();
            refreshOpen();
        } catch (CodedRefusal e) {
            showCart();
            find();
            say("refused", getTranslation(e.messageKey(), e.args()));
        }
    }

    /** The order being served: consent on the display or by a signed slip, then payment. */
    private void showOrder() {
        order.removeAll();
        if (current == null) {
            return;
        }
        ShopOrder o = shopping.find(current);
        shown = shown(o);
        Paragraph summary = new Paragraph(getTranslation("shopping.counter.order-summary", o.orderNo(), Money.yuan(o.totalFen()), status(o)));
        summary.setId("shop-order-summary");
        order.add(summary);
        boolean unpaid = o.status() == OrderStatus.DRAFT || o.status() == OrderStatus.REVIEW || o.status() == OrderStatus.RESERVED;
        if (unpaid && !o.consented()) {
            Optional<String> myDisplay = terminals.displayOf(CurrentTerminal.name()).map(Object::toString);
            if (myDisplay.isPresent()) {
                Button show = new Button(getTranslation("shopping.counter.to-display"), e -> {
                    display.show(CurrentTerminal.name(), o.id());
                    say("display", getTranslation("shopping.counter.on-display", myDisplay.get()));
                });
                show.setId("shop-to-display");
                show.addThemeVariants(ButtonVariant.PRIMARY);
                order.add(show);
            }
            Button slip = new Button(getTranslation("shopping.counter.print-slip"), e -> {
                shopping.printSlip(o.id());
                say("slip", getTranslation("shopping.counter.slip-printed"));
            });
            slip.setId("shop-print-slip");
            Button signed = new Button(getTranslation("shopping.counter.signed"), e -> act(() -> shopping.consent(o.id(), "SIGNED")));
            signed.setId("shop-signed");
            order.add(CounterForms.row(slip, signed));
        }
        if (o.status() == OrderStatus.RESERVED && o.consented() && o.paymentId() == null) {
            TextField tendered = new TextField(getTranslation("payments.take.tendered"));
            tendered.setId("shop-tendered");
            Button cash = new Button(getTranslation("shopping.counter.pay-cash"), e -> pay(o, Payments.CASH, null, tendered));
            cash.setId("shop-pay-cash");
            cash.addThemeVariants(ButtonVariant.PRIMARY);
            TextField code = new TextField(getTranslation("payments.take.code"));
            code.setId("shop-auth-code");
            Button byCode = new Button(getTranslation("shopping.counter.pay-code"), e -> pay(o, Payments.CODE, code.getValue(), null));
            byCode.setId("shop-pay-code");
            order.add(CounterForms.row(tendered, cash), CounterForms.row(code, byCode));
        }
        if (o.status() == OrderStatus.REVIEW || o.status() == OrderStatus.DRAFT && o.reviewReasons() != null && o.reviewedBy() == null) {
            TextField note = new TextField(getTranslation("shopping.counter.review-note"));
            note.setId("shop-review-note");
            Button approve = new Button(getTranslation("shopping.counter.approve"), e -> act(() -> shopping.approve(o.id(), note.getValue())));
            approve.setId("shop-approve");
            Button reject = new Button(getTranslation("shopping.counter.reject"), e -> act(() -> shopping.reject(o.id(), note.getValue())));
            reject.setId("shop-reject");
            reject.addThemeVariants(ButtonVariant.ERROR);
            order.add(new Paragraph(getTranslation("shopping.counter.review-why", reasons(o))), CounterForms.row(note, approve, reject));
        }
        if (o.status() == OrderStatus.RECEIVED || o.status() == OrderStatus.COMPLETED || o.status() == OrderStatus.AFTER_SALES) {
            order.add(new AfterSalesPanel(o, afterSales, sending, text -> {
                say("after-sales", text);
                showOrder();
                refreshOpen();
            }));
        }
        if (unpaid) {
            Button cancel = new Button(getTranslation("shopping.counter.cancel"), e -> act(() -> shopping.cancel(o.id())));
            cancel.setId("shop-cancel");
            order.add(cancel);
        }
    }

    private static String shown(ShopOrder o) {
        return o.status() + "/" + o.consented();
    }

    private void pay(ShopOrder o, String method, @Nullable String authCode, @Nullable TextField tendered) {
        Long cash = null;
        if (tendered != null) {
            Optional<Long> fen = CounterForms.fen(tendered);
            if (fen.isPresent() && fen.get() < 0) {
                say("refused", getTranslation("payments.error.amount"));
                return;
            }
            cash = fen.orElse(null);
        }
        Long tenderedFen = cash;
        act(() -> shopping.pay(o.id(), new Shopping.PayRequest(method, authCode, tenderedFen, "shop-pay-" + UUID.randomUUID())));
    }

    private void act(java.util.function.Supplier<ShopOrder> action) {
        try {
            ShopOrder o = action.get();
            say("done", getTranslation("shopping.counter.now", o.orderNo(), status(o)));
        } catch (PaymentRefused e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        } catch (CodedRefusal e) {
            say("refused", getTranslation(e.messageKey(), e.args()));
        }
        showOrder();
        refreshOpen();
    }

    private String reasons(ShopOrder o) {
        return o.reviewReasons() == null ? "" : String.join("、", java.util.Arrays.stream(o.reviewReasons().split(","))
                .map(r -> getTranslation("shopping.review." + r)).toList());
    }

    private String status(ShopOrder o) {
        String words = getTranslation("shopping.status." + o.status());
        if (o.status() == OrderStatus.RESERVED && o.reservedUntil() != null) {
            words += getTranslation("shopping.counter.until", time.time(o.reservedUntil()));
        }
        if (o.consented()) {
            words += " · " + getTranslation("shopping.consent." + o.consentHow());
        }
        if (o.waybill() != null) {
            words += " · " + o.courier() + " " + o.waybill();
        }
        return words;
    }

    private void refreshOpen() {
        open.setItems(shopping.recent());
    }

    private void say(String kind, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-kind", kind);
    }

    /** While the resident reads the display, the page looks every two seconds for their answer. */
    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(2000);
        poll = event.getUI().addPollListener(e -> {
            // the resident answered on the display (or central moved the order): show it as it is now
            if (current != null && !shown(shopping.find(current)).equals(shown)) {
                showOrder();
                refreshOpen();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.counter.shopping");
    }
}

package io.yizhan.station.shopping.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.yizhan.station.counter.CounterRequest;
import io.yizhan.station.counter.CounterRequests;
import io.yizhan.station.kiosk.KioskLayout;
import io.yizhan.station.kiosk.KioskScreen;
import io.yizhan.station.kiosk.SpokenPrompt;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shopping.Catalog;
import io.yizhan.station.terminals.CurrentTerminal;
import java.util.List;
import java.util.Optional;

/**
 * 买东西 at the kiosk, for a resident who browses alone: categories as picture tiles, at most six to
 * a screen; an item's card with its picture, name and price in huge type, turned by large page
 * buttons, never a long list; the product page with a large picture, its description spoken and
 * its variants as big buttons; and "请店员帮我买", which puts a numbered request in the counter's
 * queue and shows and speaks the number. Works from the station's copy of the catalog, so it also
 * works while central is away.
 */
@Route(value = "kiosk/shop", layout = KioskLayout.class)
@AnonymousAllowed
public class KioskShopView extends Div implements KioskScreen, HasDynamicTitle, io.yizhan.station.devices.ScanConsumer {

    /** Cards on one screen: big enough for weak eyes, few enough to need no scrolling. */
    static final int PER_SCREEN = 6;
    static final int MAX_QUANTITY = 5;

    private final Catalog catalog;
    private final CounterRequests requests;
    private final H1 title = new H1();
    private final Paragraph message = new Paragraph();
    private final Div body = new Div();
    private final SpokenPrompt spoken = new SpokenPrompt();
    private final io.yizhan.station.shopping.Shopping shopping;
    private final io.yizhan.station.payments.KioskPay kioskPay;
    private io.yizhan.station.payments.@org.jspecify.annotations.Nullable KioskPayStep paying;

    public KioskShopView(Catalog catalog, CounterRequests requests, io.yizhan.station.shopping.Shopping shopping,
                         io.yizhan.station.payments.KioskPay kioskPay) {
        this.catalog = catalog;
        this.requests = requests;
        this.shopping = shopping;
        this.kioskPay = kioskPay;
        addClassName("kiosk-shop");
        title.setId("shop-title");
        message.setId("shop-message");
        message.addClassName("kiosk-lead");
        message.getElement().setAttribute("role", "status");
        body.addClassName("shop-body");
        add(title, message, body);
        categories(0);
    }

    private void categories(int page) {
        List<Catalog.Category> all = catalog.categories();
        step(getTranslation("shopping.kiosk.categories.title"), getTranslation(all.isEmpty() ? "shopping.kiosk.empty" : "shopping.kiosk.categories.prompt"));
        Div tiles = new Div();
        tiles.addClassName("shop-cards");
        all.stream().skip((long) page * PER_SCREEN).limit(PER_SCREEN).forEach(c -> {
            NativeButton tile = new NativeButton();
            tile.setId("shop-category-" + c.code());
            tile.addClassName("shop-card");
            tile.add(picture(c.pictureUrl(), c.name()), name(c.name()));
            tile.addClickListener(e -> products(c, 0));
            tiles.add(tile);
        });
        body.add(tiles, pager(page, all.size(), this::categories));
    }

    private void products(Catalog.Category category, int page) {
        Catalog.Page items = catalog.items(category.code(), page, PER_SCREEN);
        step(category.name(), getTranslation("shopping.kiosk.products.prompt", category.name()));
        Div cards = new Div();
        cards.addClassName("shop-cards");
        for (Catalog.Product p : items.items()) {
            NativeButton card = new NativeButton();
            card.setId("shop-product-" + p.productId());
            card.addClassName("shop-card");
            Span price = new Span(catalog.variants(p.groupId()).size() > 1 ? getTranslation("shopping.kiosk.from", Money.yuan(p.priceFen()))
                    : Money.yuan(p.priceFen()));
            price.addClassName("shop-price");
            card.add(picture(p.pictureUrl(), p.name()), name(p.name()), price);
            card.addClickListener(e -> product(category, page, p));
            cards.add(card);
        }
        NativeButton back = button("shop-back-categories", "shopping.kiosk.back-categories", "secondary");
        back.addClickListener(e -> categories(0));
        body.add(cards, pager(page, items.total(), n -> products(category, n)), back);
    }

    private void product(Catalog.Category category, int page, Catalog.Product chosen) {
        body.removeAll();
        title.setText(chosen.name());
        Div page1 = new Div();
        page1.addClassName("shop-product");
        Image picture = picture(chosen.pictureUrl(), chosen.name());
        picture.addClassName("shop-product-picture");
        Div facts = new Div();
        facts.addClassName("shop-product-facts");
        Span price = new Span(Money.yuan(chosen.priceFen()));
        price.setId("shop-product-price");
        price.addClassName("shop-price");
        Paragraph description = new Paragraph(chosen.description());
        description.setId("shop-product-description");
        facts.add(price, description);
        List<Catalog.Product> variants = catalog.variants(chosen.groupId());
        if (variants.size() > 1) {
            Div buttons = new Div();
            buttons.addClassName("shop-variants");
            buttons.getElement().setAttribute("role", "group");
            buttons.getElement().setAttribute("aria-label", getTranslation("shopping.kiosk.variants"));
            for (Catalog.Product v : variants) {
                NativeButton b = new NativeButton(v.variant() == null ? v.name() : v.variant(), e -> product(category, page, v));
                b.setId("shop-variant-" + v.productId());
                b.addClassNames("kiosk-button", "choice");
                b.getElement().setAttribute("aria-pressed", String.valueOf(v.productId().equals(chosen.productId())));
                if (v.productId().equals(chosen.productId())) {
                    b.addClassName("selected");
                }
                buttons.add(b);
            }
            facts.add(buttons);
        }
        page1.add(picture, facts);
        body.add(page1);
        if (chosen.stock() <= 0) {
            message.setText(getTranslation("shopping.kiosk.sold-out"));
        } else {
            message.setText(getTranslation("shopping.kiosk.product.prompt"));
            NativeButton help = button("shop-ask-clerk", "shopping.kiosk.ask-clerk", "primary");
            help.addClassName("huge");
            help.addClickListener(e -> askClerk(chosen));
            NativeButton payHere = button("shop-pay-here", "shopping.kiosk.pay-here", "secondary");
            payHere.addClassName("huge");
            payHere.addClickListener(e -> askPhone(chosen));
            body.add(help, payHere);
        }
        NativeButton back = button("shop-back-products", "shopping.kiosk.back-products", "secondary");
        back.addClickListener(e -> products(category, page));
        body.add(back);
        spoken.say(this, chosen.fullName() + "，" + Money.yuan(chosen.priceFen()) + "。" + chosen.description() + "。" + message.getText());
    }

    /** "请店员帮我买": a numbered request on every counter screen; the number shown huge and spoken. */
    private void askClerk(Catalog.Product p) {
        CounterRequest request = requests.post("SHOP", getTranslation("shopping.kiosk.request.detail", p.fullName(), Money.yuan(p.priceFen()),
                p.productId()), CurrentTerminal.name(), "counter/shopping?product=" + p.productId());
        body.removeAll();
        title.setText(getTranslation("shopping.kiosk.request.title"));
        Span number = new Span(String.valueOf(request.number()));
        number.setId("shop-request-number");
        number.addClassName("pickup-place");
        Div card = new Div(number);
        card.addClassName("pickup-card");
        message.setText(getTranslation("shopping.kiosk.request.prompt", request.number()));
        body.add(card, doneButton());
        spoken.say(this, message.getText());
    }

    /** Paying here: the resident's phone on the keypad (the order is theirs, and the text message comes to it). */
    private void askPhone(Catalog.Product p) {
        step(getTranslation("shopping.kiosk.pay.phone.title"), getTranslation("shopping.kiosk.pay.phone.prompt", p.fullName()));
        io.yizhan.station.kiosk.NumericKeypad keypad = new io.yizhan.station.kiosk.NumericKeypad("shopping.kiosk.orders.phone", 11, false);
        keypad.addConfirmListener(e -> {
            if (e.value().length() == 11) {
                placeAndPay(p, e.value());
            }
        });
        body.add(keypad);
    }

    /** Placed at central (one, to the station); reserved → the pay step; anything else said plainly, no money taken. */
    private void placeAndPay(Catalog.Product p, String phone) {
        io.yizhan.station.shopping.ShopOrder o;
        try {
            o = shopping.placeAtKiosk(p.productId(), phone);
        } catch (io.yizhan.station.shared.CodedRefusal refused) {
            step(getTranslation("shopping.kiosk.pay.not-now.title"), getTranslation(refused.messageKey(), refused.args()));
            body.add(doneButton());
            return;
        }
        if (o.status() != io.yizhan.station.shopping.OrderStatus.RESERVED) {
            step(getTranslation("shopping.kiosk.pay.not-now.title"), getTranslation("shopping.kiosk.pay.not-now." + o.status()));
            NativeButton help = button("shop-ask-clerk", "shopping.kiosk.ask-clerk", "primary");
            help.addClickListener(e -> askClerk(p));
            body.add(help, doneButton());
            return;
        }
        step(getTranslation("shopping.kiosk.pay.title"), o.discountFen() > 0
                ? getTranslation("shopping.kiosk.pay.offer", p.fullName(), String.valueOf(o.offerText()), Money.yuan(o.totalFen()))
                : getTranslation("shopping.kiosk.pay.summary", p.fullName(), Money.yuan(o.totalFen())));
        String orderNo = o.orderNo();
        paying = kioskPay.step(o.totalFen(), getTranslation("shopping.payment.purpose", orderNo), io.yizhan.station.shopping.Shopping.kioskPaymentKey(o),
                payment -> paid(o.id(), payment), text -> spoken.say(this, text));
        body.add(paying);
    }

    private void paid(java.util.UUID orderId, io.yizhan.station.payments.Payment payment) {
        io.yizhan.station.shopping.ShopOrder o = shopping.settle(orderId, payment);
        paying = null;
        body.removeAll();
        title.setText(getTranslation("shopping.kiosk.paid.title"));
        message.setText(getTranslation("shopping.kiosk.paid.prompt", o.orderNo(), o.checkCode()));
        Span code = new Span(o.checkCode());
        code.setId("shop-check-code");
        code.addClassName("pickup-place");
        Span small = new Span(getTranslation("shopping.kiosk.paid.code"));
        small.addClassName("pickup-courier");
        Div card = new Div(small, code);
        card.addClassName("pickup-card");
        body.add(card, doneButton());
        spoken.say(this, message.getText());
    }

    private NativeButton doneButton() {
        NativeButton done = button("shop-done", "shopping.kiosk.done", "primary");
        done.addClickListener(e -> UI.getCurrent().navigate("kiosk"));
        return done;
    }

    /** While the pay step shows, the kiosk scanner reads the resident's payment code. */
    @Override
    public void onScan(io.yizhan.station.devices.ScanReceived scan) {
        if (paying != null) {
            paying.onScan(scan);
        }
    }

    private Div pager(int page, long total, java.util.function.IntConsumer go) {
        int pages = (int) Math.max(1, (total + PER_SCREEN - 1) / PER_SCREEN);
        Div pager = new Div();
        pager.addClassName("shop-pager");
        if (pages > 1) {
            NativeButton previous = button("shop-previous", "shopping.kiosk.previous", "secondary");
            previous.setEnabled(page > 0);
            previous.addClickListener(e -> go.accept(page - 1));
            Span where = new Span(getTranslation("shopping.kiosk.page", page + 1, pages));
            where.setId("shop-page");
            where.addClassName("shop-page");
            NativeButton next = button("shop-next", "shopping.kiosk.next", "primary");
            next.setEnabled(page + 1 < pages);
            next.addClickListener(e -> go.accept(page + 1));
            pager.add(previous, where, next);
        }
        return pager;
    }

    private NativeButton button(String id, String key, String kind) {
        NativeButton b = new NativeButton(getTranslation(key));
        b.setId(id);
        b.addClassNames("kiosk-button", kind);
        return b;
    }

    private static Image picture(String url, String name) {
        Image image = new Image(url, name);
        image.addClassName("shop-picture");
        return image;
    }

    private static Span name(String text) {
        Span name = new Span(text);
        name.addClassName("shop-name");
        return name;
    }

    private void step(String heading, String prompt) {
        body.removeAll();
        title.setText(heading);
        message.setText(prompt);
        spoken.say(this, prompt);
    }

    @Override
    public String promptKey() {
        return "shopping.kiosk.categories.prompt";
    }

    @Override
    public Optional<String> spokenText() {
        return spoken.text();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.kiosk.shop");
    }
}

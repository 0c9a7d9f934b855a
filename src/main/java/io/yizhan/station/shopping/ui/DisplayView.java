package io.yizhan.station.shopping.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import io.yizhan.station.kiosk.ReadAloud;
import io.yizhan.station.shared.CodedRefusal;
import io.yizhan.station.shared.Money;
import io.yizhan.station.shopping.DisplayBoard;
import io.yizhan.station.shopping.OrderStatus;
import io.yizhan.station.shopping.ShopOrder;
import io.yizhan.station.shopping.Shopping;
import io.yizhan.station.terminals.CurrentTerminal;
import io.yizhan.station.terminals.TerminalKind;
import io.yizhan.station.terminals.Terminals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The customer display by a counter ({@code /display}, a terminal of kind {@code display}): the order
 * the clerk placed for the resident in large type, read aloud, with 确认 and 取消. Only this tap
 * records consent. Between orders it says it is ready. A browser that is not a display terminal
 * shows how to pair it, and nothing else.
 */
@Route("display")
@AnonymousAllowed
public class DisplayView extends Div implements HasDynamicTitle {

    private final Shopping shopping;
    private final DisplayBoard board;
    private final ReadAloud voice;
    private final @Nullable String counter;
    private final H1 title = new H1();
    private final Div body = new Div();
    private final Element audio = new Element("audio");
    private @Nullable UUID showing;
    private @Nullable Registration poll;
    /** After an answer the thanks stays a few seconds before the display says it is ready again. */
    private long quietUntil = System.nanoTime();

    public DisplayView(Shopping shopping, DisplayBoard board, Terminals terminals, ReadAloud voice) {
        this.shopping = shopping;
        this.board = board;
        this.voice = voice;
        this.counter = CurrentTerminal.get().filter(t -> t.kind() == TerminalKind.DISPLAY).flatMap(t -> terminals.counterOf(t.id().value()))
                .orElse(null);
        addClassNames("kiosk", "customer-display");
        title.setId("display-title");
        body.addClassName("kiosk-content");
        audio.setAttribute("id", "display-voice");
        add(title, body);
        getElement().appendChild(audio);
        refresh();
    }

    private void refresh() {
        if (System.nanoTime() < quietUntil) {
            return;
        }
        Optional<ShopOrder> order = counter == null ? Optional.empty() : board.current(counter).map(shopping::find)
                .filter(o -> !o.consented() && (o.status() == OrderStatus.DRAFT || o.status() == OrderStatus.REVIEW || o.status() == OrderStatus.RESERVED));
        UUID now = order.map(ShopOrder::id).orElse(null);
        if (java.util.Objects.equals(now, showing) && body.getChildren().findAny().isPresent()) {
            return;
        }
        showing = now;
        body.removeAll();
        if (counter == null) {
            title.setText(getTranslation("shopping.display.not-paired"));
            return;
        }
        if (order.isEmpty()) {
            title.setText(getTranslation("shopping.display.ready"));
            return;
        }
        show(order.get());
    }

    private void show(ShopOrder o) {
        title.setText(getTranslation("shopping.display.title"));
        List<String> said = new ArrayList<>();
        said.add(getTranslation("shopping.display.title"));
        Div lines = new Div();
        lines.addClassName("display-lines");
        for (ShopOrder.Line l : o.lines()) {
            Paragraph line = new Paragraph(getTranslation("shopping.display.line", l.name(), l.quantity(), Money.yuan(l.amountFen())));
            line.addClassName("kiosk-lead");
            lines.add(line);
            said.add(line.getText());
        }
        if (o.discountFen() > 0) {
            Paragraph offer = new Paragraph(getTranslation("shopping.display.offer", String.valueOf(o.offerText()), Money.yuan(o.discountFen())));
            offer.addClassName("kiosk-lead");
            lines.add(offer);
            said.add(offer.getText());
        }
        Span total = new Span(getTranslation("shopping.display.total", Money.yuan(o.totalFen())));
        total.setId("display-total");
        total.addClassName("shop-price");
        Paragraph delivery = new Paragraph(getTranslation("shopping.display.delivery." + o.delivery()));
        delivery.addClassName("kiosk-lead");
        said.add(total.getText());
        said.add(delivery.getText());
        said.add(getTranslation("shopping.display.ask"));
        NativeButton yes = new NativeButton(getTranslation("shopping.display.confirm"), e -> answer(o.id(), true));
        yes.setId("display-confirm");
        yes.addClassNames("kiosk-button", "primary", "huge");
        NativeButton no = new NativeButton(getTranslation("shopping.display.cancel"), e -> answer(o.id(), false));
        no.setId("display-cancel");
        no.addClassNames("kiosk-button", "secondary", "huge");
        Div buttons = new Div(yes, no);
        buttons.addClassName("shop-pager");
        body.add(lines, total, delivery, buttons);
        voice.url(String.join("。", said), getLocale()).ifPresent(url -> {
            audio.setAttribute("src", url);
            audio.executeJs("this.currentTime = 0; this.play().catch(() => {})");
        });
    }

    private void answer(UUID id, boolean confirmed) {
        try {
            if (confirmed) {
                shopping.consentOnDisplay(id);
            } else {
                shopping.declineOnDisplay(id);
            }
            if (counter != null) {
                board.clear(counter, id);
            }
            showing = null;
            quietUntil = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
            body.removeAll();
            title.setText(getTranslation(confirmed ? "shopping.display.thanks" : "shopping.display.cancelled"));
        } catch (CodedRefusal e) {
            body.removeAll();
            body.add(new Paragraph(getTranslation(e.messageKey(), e.args())));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(1000);
        poll = event.getUI().addPollListener(e -> refresh());
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
        return getTranslation("title.display");
    }
}

package io.yizhan.station.counter.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import io.yizhan.station.counter.CounterRequest;
import io.yizhan.station.kiosk.StaffCalled;
import io.yizhan.station.shared.StationTime;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call-staff alerts: each call from a kiosk is stored and pushed to every open counter screen of a
 * signed-in user, where it stays until someone answers it ("我去处理"); then it disappears from all
 * counters. Requests on the counter's queue ({@code CounterRequests}) are shown the same way. Calls older than {@link #OPEN_FOR} are no longer shown.
 */
@Service
public class StaffCallAlerts {

    static final Duration OPEN_FOR = Duration.ofMinutes(15);

    /** Fired on a counter UI whenever the list of open calls changed (a new call, an answer). */
    public static class CallsChanged extends com.vaadin.flow.component.ComponentEvent<UI> {
        public CallsChanged(UI ui) {
            super(ui, false);
        }
    }

    /** A call waiting for an answer. */
    public record OpenCall(UUID id, String terminal, java.time.Instant calledAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StationTime time;
    /** counter UI → its open alert notifications by call id */
    private final Map<UI, Map<UUID, Notification>> screens = new ConcurrentHashMap<>();
    private volatile java.util.function.Supplier<List<CounterRequest>> requestSource = List::of;
    private volatile java.util.function.BiPredicate<UUID, String> takeRequest = (id, clerk) -> false;

    StaffCallAlerts(JdbcClient jdbc, Clock clock, StationTime time) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.time = time;
    }

    @ApplicationModuleListener
    void on(StaffCalled call) {
        jdbc.sql("INSERT INTO counter_staff_call (id, terminal, called_at) VALUES (?, ?, ?)")
                .params(call.eventId(), call.terminal(), OffsetDateTime.ofInstant(call.at(), ZoneOffset.UTC))
                .update();
        OpenCall open = new OpenCall(call.eventId(), call.terminal(), call.at());
        screens.keySet().forEach(ui -> ui.access(() -> {
            show(ui, open);
            com.vaadin.flow.component.ComponentUtil.fireEvent(ui, new CallsChanged(ui));
        }));
    }

    public List<OpenCall> open() {
        return jdbc.sql("SELECT id, terminal, called_at FROM counter_staff_call WHERE answered_at IS NULL AND called_at > ? ORDER BY called_at")
                .param(OffsetDateTime.ofInstant(clock.instant().minus(OPEN_FOR), ZoneOffset.UTC))
                .query((rs, i) -> new OpenCall(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** A clerk takes the call: it leaves every counter screen. */
    @Transactional
    public void answer(UUID callId, String clerk) {
        jdbc.sql("UPDATE counter_staff_call SET answered_at = ?, answered_by = ? WHERE id = ? AND answered_at IS NULL")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), clerk, callId).update();
        screens.forEach((ui, alerts) -> ui.access(() -> {
            Notification n = alerts.remove(callId);
            if (n != null) {
                n.close();
            }
            com.vaadin.flow.component.ComponentUtil.fireEvent(ui, new CallsChanged(ui));
        }));
    }

    /** Shows open calls on this counter screen and pushes new ones until the returned action runs. */
    public Runnable subscribe(UI ui) {
        screens.put(ui, new ConcurrentHashMap<>());
        open().forEach(call -> show(ui, call));
        requestSource.get().forEach(r -> ui.access(() -> showRequest(ui, r)));
        return () -> screens.remove(ui);
    }

    /** Where the request queue's waiting requests come from, and how a clerk takes one (set by CounterRequests). */
    public void requestQueue(java.util.function.Supplier<List<CounterRequest>> waiting, java.util.function.BiPredicate<UUID, String> take) {
        this.requestSource = waiting;
        this.takeRequest = take;
    }

    /** Puts a new request on every counter screen. */
    public void showRequest(CounterRequest request) {
        screens.keySet().forEach(ui -> ui.access(() -> {
            showRequest(ui, request);
            com.vaadin.flow.component.ComponentUtil.fireEvent(ui, new CallsChanged(ui));
        }));
    }

    /** Takes a request off every counter screen (taken or done). */
    public void withdrawRequest(UUID id) {
        screens.forEach((ui, alerts) -> ui.access(() -> {
            Notification n = alerts.remove(id);
            if (n != null) {
                n.close();
            }
            com.vaadin.flow.component.ComponentUtil.fireEvent(ui, new CallsChanged(ui));
        }));
    }

    private void showRequest(UI ui, CounterRequest request) {
        alert(ui, request.id(), ui.getTranslation("counter.request.alert", request.number(), request.fromTerminal(),
                        ui.getTranslation("counter.request.kind." + request.kind(), request.detail()), time.time(request.postedAt())),
                ui.getTranslation("counter.request.take"), "take-request-" + request.number(), clerk -> {
                    if (takeRequest.test(request.id(), clerk) && request.route() != null) {
                        ui.navigate(request.route());
                    }
                });
    }

    private void show(UI ui, OpenCall call) {
        alert(ui, call.id(), ui.getTranslation("counter.staff-call.alert", call.terminal(), time.time(call.calledAt())),
                ui.getTranslation("counter.staff-call.answer"), null, clerk -> answer(call.id(), clerk));
    }

    /** An alert on one counter screen until someone takes it: the words, and the button that takes it (with the clerk's name). */
    private void alert(UI ui, UUID id, String words, String buttonText, @org.jspecify.annotations.Nullable String buttonId,
                       java.util.function.Consumer<String> take) {
        Map<UUID, Notification> alerts = screens.get(ui);
        if (alerts == null || alerts.containsKey(id)) {
            return;
        }
        Notification n = new Notification();
        n.addClassName("staff-call-alert");
        n.setPosition(Notification.Position.TOP_CENTER);
        n.setDuration(0);
        Span text = new Span(words);
        text.addClassName("staff-call-text");
        Button button = new Button(buttonText, e -> take.accept(SecurityContextHolder.getContext().getAuthentication() == null ? "?"
                : SecurityContextHolder.getContext().getAuthentication().getName()));
        button.addThemeVariants(ButtonVariant.PRIMARY);
        button.addClassName("staff-call-answer");
        if (buttonId != null) {
            button.setId(buttonId);
        }
        Div box = new Div(text, button);
        box.addClassName("staff-call-box");
        box.getElement().setAttribute("role", "alert");
        n.add(box);
        alerts.put(id, n);
        ui.add(n);
        n.open();
    }
}

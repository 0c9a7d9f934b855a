package io.yizhan.station.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import io.yizhan.station.kiosk.ui.CallStaffView;
import io.yizhan.station.kiosk.ui.KioskHomeView;
import io.yizhan.station.kiosk.ui.LanguageView;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.Translations;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.RequiredTool;
import io.yizhan.station.support.StationTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

@StationTest
@Import(KioskScreensTest.Events.class)
@ViewPackages(packages = "io.yizhan.station")
class KioskScreensTest extends SpringBrowserlessTest {

    @TestConfiguration
    static class Events {
        final CopyOnWriteArrayList<StaffCalled> calls = new CopyOnWriteArrayList<>();

        @EventListener
        void on(StaffCalled called) {
            calls.add(called);
        }

        public CopyOnWriteArrayList<StaffCalled> calls() {
            return calls;
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    KioskProperties kiosk;
    @Autowired
    StationProperties station;
    @Autowired
    Events events;

    /** A resident walks up: a fresh session, opened (as every kiosk session is) on the home screen. */
    @org.junit.jupiter.api.BeforeEach
    void freshKioskSession() {
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(Translations.SIMPLIFIED);
        UI.getCurrent().setLocale(Translations.SIMPLIFIED);
        navigate(KioskHomeView.class);
    }

    @Test
    void aNewSessionAlwaysStartsAtHome() {
        com.vaadin.flow.server.VaadinSession.getCurrent().setAttribute("yizhan.kiosk.started", null);
        navigate("kiosk/language", KioskHomeView.class);
    }

    private KioskLayout layout() {
        return $(KioskLayout.class).single();
    }

    private NativeButton button(String id) {
        return $(NativeButton.class).id(id);
    }

    @Test
    void homeShowsOneBigTilePerWorkingServiceAndNoBackOrHome() {
        navigate(KioskHomeView.class);
        assertThat($(NativeButton.class).withClassName("kiosk-tile").all())
                .extracting(b -> b.getId().orElseThrow())
                .containsExactly("tile-pickup", "tile-consignment", "tile-call-staff");
        assertThat($(H1.class).first().getText()).isEqualTo("您好！请点一下要办的事");
        assertThat($(NativeButton.class).withId("kiosk-back").exists()).as("no Back on home").isFalse();
        assertThat($(NativeButton.class).withId("kiosk-home").exists()).as("no Home on home").isFalse();
    }

    @Test
    void everyOtherScreenHasBackAndHome() {
        navigate(KioskHomeView.class);
        test(button("kiosk-language")).click();
        assertThat(getCurrentView()).isInstanceOf(LanguageView.class);
        assertThat(button("kiosk-back").isVisible()).isTrue();
        test(button("kiosk-home")).click();
        assertThat(getCurrentView()).isInstanceOf(KioskHomeView.class);
    }

    @Test
    void textSizeCyclesThroughStandardLargeAndExtraLarge() {
        navigate(KioskHomeView.class);
        assertThat(layout().getElement().getStyle().get("--kiosk-scale")).isEqualTo("1.0");
        test(button("kiosk-size-toggle")).click();
        assertThat(layout().getElement().getStyle().get("--kiosk-scale")).isEqualTo("1.25");
        assertThat(button("kiosk-size-toggle").getText()).isEqualTo("字号：大");
        test(button("kiosk-size-toggle")).click();
        assertThat(layout().getElement().getStyle().get("--kiosk-scale")).isEqualTo("1.5");
        test(button("kiosk-size-toggle")).click();
        assertThat(layout().getElement().getStyle().get("--kiosk-scale")).isEqualTo("1.0");
    }

    @Test
    void languageSwitchesTheWholeKioskAndComesBackHome() {
        navigate(LanguageView.class);
        test(button("lang-en")).click();
        assertThat(getCurrentView()).isInstanceOf(KioskHomeView.class);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Translations.ENGLISH);
        assertThat($(H1.class).first().getText()).isEqualTo("Hello! Tap what you need");
        assertThat(button("tile-call-staff").getElement().getTextRecursively()).contains("Call staff");

        test(button("kiosk-language")).click();
        test(button("lang-zh-hant")).click();
        assertThat($(H1.class).first().getText()).isEqualTo("您好！請點一下要辦的事");
        assertThat(button("kiosk-size-toggle").getText()).isEqualTo("字號：標準");
    }

    @Test
    void idleKioskCountsDownThenForgetsEverythingAndGoesHome() {
        navigate(KioskHomeView.class);
        test(button("kiosk-size-toggle")).click();
        test(button("kiosk-language")).click();
        test(button("lang-en")).click();
        test(button("kiosk-language")).click();
        assertThat(getCurrentView()).isInstanceOf(LanguageView.class);

        clock.advance(Duration.ofSeconds(kiosk.idleSeconds() - 1));
        layout().tick();
        assertThat(layout().countdownVisible()).isFalse();

        clock.advance(Duration.ofSeconds(2));
        layout().tick();
        assertThat(layout().countdownVisible()).isTrue();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("kiosk-idle-text").getText())
                .isEqualTo("Still there? Going back to the start in " + (kiosk.countdownSeconds() - 1) + " seconds.");

        clock.advance(Duration.ofSeconds(kiosk.countdownSeconds()));
        layout().tick();
        assertThat(getCurrentView()).isInstanceOf(KioskHomeView.class);
        assertThat(layout().countdownVisible()).isFalse();
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Translations.SIMPLIFIED);
        assertThat(layout().getElement().getStyle().get("--kiosk-scale")).isEqualTo("1.0");
        assertThat(KioskVisit.current().isFresh()).isTrue();
        assertThat($(H1.class).first().getText()).isEqualTo("您好！请点一下要办的事");
    }

    @Test
    void continueButtonKeepsTheResidentsScreen() {
        navigate(LanguageView.class);
        clock.advance(Duration.ofSeconds(kiosk.idleSeconds() + 5));
        layout().tick();
        assertThat(layout().countdownVisible()).isTrue();
        test(button("kiosk-stay")).click();
        assertThat(layout().countdownVisible()).isFalse();
        clock.advance(Duration.ofSeconds(kiosk.countdownSeconds()));
        layout().tick();
        assertThat(getCurrentView()).isInstanceOf(LanguageView.class);
    }

    @Test
    void untouchedFreshHomeScreenShowsNoCountdown() {
        navigate(KioskHomeView.class);
        clock.advance(Duration.ofSeconds(kiosk.idleSeconds() + 3));
        layout().tick();
        assertThat(layout().countdownVisible()).isFalse();
    }

    @Test
    void callStaffTileAlertsTheCounters() {
        events.calls().clear();
        navigate(KioskHomeView.class);
        test(button("tile-call-staff")).click();
        assertThat(getCurrentView()).isInstanceOf(CallStaffView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("已经通知店员");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.calls().size() == 1);
    }

    @Test
    void voiceToggleSpeaksThePromptThroughTheServer() throws Exception {
        RequiredTool.require("espeak-ng", "espeak-ng");
        navigate(KioskHomeView.class);
        assertThat(button("kiosk-voice-toggle").getText()).isEqualTo("语音播报：关");
        test(button("kiosk-voice-toggle")).click();
        assertThat(button("kiosk-voice-toggle").getText()).isEqualTo("语音播报：开");
        String audio = layout().currentAudio();
        assertThat(audio).matches("/voice/[0-9a-f]{64}\\.wav");
        var file = station.dataDir().resolve("voice-cache").resolve(audio.substring("/voice/".length()));
        assertThat(Files.size(file)).isGreaterThan(10_000);
        assertThat(button("kiosk-repeat").isVisible()).isTrue();

        test(button("kiosk-language")).click();
        assertThat(layout().currentAudio()).isNotEqualTo(audio); // the language screen speaks its own prompt
    }
}

package io.yizhan.station.kiosk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yizhan.kiosk.idle-seconds}: how long a kiosk screen waits untouched before the countdown
 * (default 90, allowed 60–120); {@code yizhan.kiosk.countdown-seconds}: the countdown (default 30).
 */
@ConfigurationProperties("yizhan.kiosk")
public record KioskProperties(@DefaultValue("90") int idleSeconds, @DefaultValue("30") int countdownSeconds) {

    public KioskProperties {
        if (idleSeconds < 10 || idleSeconds > 600) {
            throw new IllegalArgumentException("yizhan.kiosk.idle-seconds must be between 10 and 600 (ageing-friendly: 60–120), was " + idleSeconds);
        }
        if (countdownSeconds < 5 || countdownSeconds > 120) {
            throw new IllegalArgumentException("yizhan.kiosk.countdown-seconds must be between 5 and 120, was " + countdownSeconds);
        }
    }
}

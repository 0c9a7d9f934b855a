package io.yizhan.station.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromHalfASecondWithJitterAndNeverWaitsMoreThanThirtySeconds() {
        for (int i = 0; i < 200; i++) {
            assertThat(Delivery.backoff(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
            assertThat(Delivery.backoff(3)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
            assertThat(Delivery.backoff(40)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }
}

package io.yizhan.station.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.shared.RefusedException;
import io.yizhan.station.support.StationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@StationTest
class ScalesTest {

    @Autowired
    Scales scales;

    @Test
    void waitingForAStableWeightReturnsItOrTimesOut() throws Exception {
        scales.setVirtual("counter-scale", 1500);
        assertThat(scales.waitForStable("counter-scale", Duration.ofSeconds(1))).get().extracting(Weight::grams).isEqualTo(1500L);

        assertThat(scales.waitForStable("test-idle-scale", Duration.ofMillis(300))).as("no reading at all").isEmpty();
    }

    @Test
    void onlyVirtualScalesAreSetByHand() {
        assertThatThrownBy(() -> scales.setVirtual("test-serial-scale", 100)).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> scales.setVirtual("receipt-printer", 100)).isInstanceOf(RefusedException.class);
    }
}

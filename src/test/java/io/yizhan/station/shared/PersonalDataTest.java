package io.yizhan.station.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void masksMobileNumbers() {
        assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskPhone("138 1234 5678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskPhone("12")).isEqualTo("****");
    }

    @Test
    void masksPhoneAndIdNumbersInsideText() {
        assertThat(PersonalData.mask("收件人 13812345678，身份证 11010519491231002X，运单 SF1234567890123"))
                .isEqualTo("收件人 138****5678，身份证 1101**********002X，运单 SF1234567890123");
        assertThat(PersonalData.mask("counter-1")).isEqualTo("counter-1");
    }

    @Test
    void uuidV7IsVersion7AndOrderedByTime() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>();
        // a state of its own: this JVM made ids at later times already, and they stay monotonic
        java.util.concurrent.atomic.AtomicLong state = new java.util.concurrent.atomic.AtomicLong();
        for (int i = 0; i < 1000; i++) {
            ids.add(UuidV7.next(clock, state));
        }
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(ids).isSortedAccordingTo(UUID::compareTo);
        assertThat(new HashSet<>(ids)).hasSize(1000);
        assertThat(ids.getFirst().getMostSignificantBits() >>> 16).isEqualTo(Instant.parse("2026-11-22T10:00:00Z").toEpochMilli());
    }
}

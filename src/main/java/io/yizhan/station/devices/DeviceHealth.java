package io.yizhan.station.devices;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One device as {@code GET /api/devices} shows it: {@code name, kind, profile, transport, terminal,
 * state, detail, lastEventAt}.
 */
public record DeviceHealth(String name, String kind, String profile, String transport, String terminal,
                           DeviceState state, String detail, @Nullable Instant lastEventAt) {
}

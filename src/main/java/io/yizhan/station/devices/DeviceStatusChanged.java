package io.yizhan.station.devices;

import java.time.Instant;

/** A device's state changed (e.g. ONLINE → OFFLINE when unplugged), with a sequence number and the time. */
public record DeviceStatusChanged(String device, DeviceState from, DeviceState to, long sequence, Instant at) {
}

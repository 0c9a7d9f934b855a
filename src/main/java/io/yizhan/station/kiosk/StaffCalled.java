package io.yizhan.station.kiosk;

import java.time.Instant;
import java.util.UUID;

/** A resident pressed "呼叫店员" at a kiosk. Published in the transaction that recorded the call. */
public record StaffCalled(UUID eventId, String terminal, Instant at) {
}

package io.yizhan.station.sync;

import java.time.Instant;
import java.util.UUID;

/** An event central refused, with its reason; the events of its aggregate wait behind it. */
public record QuarantinedEvent(UUID id, String type, String aggregateId, long sequence, Instant occurredAt, String reason) {
}

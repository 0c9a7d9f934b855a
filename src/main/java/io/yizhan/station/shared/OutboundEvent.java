package io.yizhan.station.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * An event central needs. Published in the transaction that made the change, the outbox (module
 * {@code sync}) writes every such event in that same transaction and delivers it in order per
 * aggregate, its type being the record's simple name. Modules mark their events with this interface,
 * so sync needs none of their classes.
 */
public interface OutboundEvent {

    /** The idempotency key central stores once. */
    UUID eventId();

    /** The thing the event is about (a parcel, a payment, a cash session): events of one aggregate keep their order. */
    UUID aggregateId();

    Instant at();
}

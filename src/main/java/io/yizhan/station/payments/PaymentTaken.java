package io.yizhan.station.payments;

import java.time.Instant;
import java.util.UUID;

/** A payment was taken. Published in the transaction that recorded it. */
public record PaymentTaken(UUID eventId, UUID paymentId, long amountFen, String method, String purpose, Instant at) {
}

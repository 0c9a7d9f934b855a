package io.yizhan.contract;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One business event on its way from a station to central (contract version 1).
 *
 * @param id          the event id (UUIDv7), also the idempotency key
 * @param type        what happened, e.g. {@code ParcelCheckedIn}
 * @param version     the payload's version for this type
 * @param stationId   the station it happened at
 * @param aggregateId what it happened to, e.g. the parcel id as the parcels API returns it
 * @param sequence    1, 2, 3… per aggregate, in the order things happened at the station
 * @param occurredAt  when, UTC
 * @param payload     the event itself, as JSON
 */
public record EventEnvelope(UUID id, String type, int version, String stationId, String aggregateId, long sequence,
                            Instant occurredAt, JsonNode payload) {
}

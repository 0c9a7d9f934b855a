package io.yizhan.contract;

import java.util.List;

/** Events a station delivers in one request, oldest first; per aggregate in sequence order. */
public record EventBatch(String stationId, List<EventEnvelope> events) {

    /** Where a station posts its batches on central. */
    public static final String PATH = "/api/sync/events";
}

package io.yizhan.station.parcels;

/** Inbound: IN_STORE → PICKED_UP or RETURNED. Sending: AWAITING_COLLECTION → COLLECTED. */
public enum ParcelStatus {
    IN_STORE, PICKED_UP, RETURNED, AWAITING_COLLECTION, COLLECTED
}

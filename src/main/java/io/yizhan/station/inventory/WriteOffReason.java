package io.yizhan.station.inventory;

/** Why stock was written off (报损). */
public enum WriteOffReason {
    EXPIRED, DAMAGED, SPOILED, LOST
}

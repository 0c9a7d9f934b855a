package io.yizhan.station.inventory;

/**
 * Why stock left without a sale (报损): expired, damaged, spoiled or lost; or a consignment lot at the
 * end of its period, handed back to its owner or donated as the contract says.
 */
public enum WriteOffReason {
    EXPIRED, DAMAGED, SPOILED, LOST, RETURNED_TO_OWNER, DONATED
}

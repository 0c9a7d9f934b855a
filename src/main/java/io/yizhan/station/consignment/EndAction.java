package io.yizhan.station.consignment;

/** What happens to a lot at the end of its consignment period: back to the consignor, donated, or marked down to the floor price. */
public enum EndAction {
    RETURN, DONATE, MARKDOWN
}

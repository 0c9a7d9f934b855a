package io.yizhan.station.consignment;

/** What a 承诺达标合格证's commitment rests on: the producer's own test, a commissioned test, or quality and safety control. */
public enum CommitmentBasis {
    SELF_TESTED, COMMISSIONED_TEST, QUALITY_CONTROL
}

package io.yizhan.station.devices;

import java.time.Instant;

/**
 * A scale reading in grams (never a floating-point amount): net or gross, and whether the scale
 * says the load is still moving.
 */
public record Weight(long grams, boolean net, boolean moving, Instant at) {
}

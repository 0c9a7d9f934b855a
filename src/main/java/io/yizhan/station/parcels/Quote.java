package io.yizhan.station.parcels;

/**
 * The price of sending: the zone of the destination, the scale weight, the volumetric weight (0
 * when no size was measured), the whole kilograms charged and the price in fen.
 */
public record Quote(String courier, String zone, long grams, long volumetricGrams, long chargeableKg, long priceFen) {
}

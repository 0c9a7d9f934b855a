/**
 * Parcels: check-in onto shelf slots with pickup codes, pickup at the kiosk and the counter,
 * retention and returns, sending. Public API: {@link io.yizhan.station.parcels.Parcels}, its
 * records and events.
 */
@NullMarked
package io.yizhan.station.parcels;

import org.jspecify.annotations.NullMarked;

/**
 * What every station module shares: station settings, time-ordered ids, the station's time zone,
 * masking of personal data and the audit hook. No business rules live here.
 */
@NullMarked
package io.yizhan.station.shared;

import org.jspecify.annotations.NullMarked;

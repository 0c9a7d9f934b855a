@NullMarked
package io.yizhan.station.parcels.internal;

import org.jspecify.annotations.NullMarked;

@NullMarked
package io.yizhan.station.parcels.ui;

import org.jspecify.annotations.NullMarked;

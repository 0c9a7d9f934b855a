@NullMarked
package io.yizhan.station.kiosk.internal;

import org.jspecify.annotations.NullMarked;

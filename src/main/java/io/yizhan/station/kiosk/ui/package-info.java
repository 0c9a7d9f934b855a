@NullMarked
package io.yizhan.station.kiosk.ui;

import org.jspecify.annotations.NullMarked;

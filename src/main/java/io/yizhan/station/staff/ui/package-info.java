@NullMarked
package io.yizhan.station.staff.ui;

import org.jspecify.annotations.NullMarked;

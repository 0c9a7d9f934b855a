@NullMarked
package io.yizhan.station.inventory.ui;

import org.jspecify.annotations.NullMarked;

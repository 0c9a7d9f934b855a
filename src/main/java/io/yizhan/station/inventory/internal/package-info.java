@NullMarked
package io.yizhan.station.inventory.internal;

import org.jspecify.annotations.NullMarked;

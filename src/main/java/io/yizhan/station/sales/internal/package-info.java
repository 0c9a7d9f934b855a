@NullMarked
package io.yizhan.station.sales.internal;

import org.jspecify.annotations.NullMarked;

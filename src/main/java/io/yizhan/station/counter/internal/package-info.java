@NullMarked
package io.yizhan.station.counter.internal;

import org.jspecify.annotations.NullMarked;

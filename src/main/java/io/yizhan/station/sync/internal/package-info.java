@NullMarked
package io.yizhan.station.sync.internal;

import org.jspecify.annotations.NullMarked;

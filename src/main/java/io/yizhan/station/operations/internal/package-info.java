@NullMarked
package io.yizhan.station.operations.internal;

import org.jspecify.annotations.NullMarked;

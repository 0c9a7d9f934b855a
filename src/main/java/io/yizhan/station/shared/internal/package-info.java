@NullMarked
package io.yizhan.station.shared.internal;

import org.jspecify.annotations.NullMarked;

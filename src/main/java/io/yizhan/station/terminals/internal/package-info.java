@NullMarked
package io.yizhan.station.terminals.internal;

import org.jspecify.annotations.NullMarked;

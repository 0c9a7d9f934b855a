@NullMarked
package io.yizhan.station.consignment.internal;

import org.jspecify.annotations.NullMarked;

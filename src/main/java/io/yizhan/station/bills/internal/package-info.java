@NullMarked
package io.yizhan.station.bills.internal;

import org.jspecify.annotations.NullMarked;

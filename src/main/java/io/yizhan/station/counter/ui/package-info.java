@NullMarked
package io.yizhan.station.counter.ui;

import org.jspecify.annotations.NullMarked;

@NullMarked
package io.yizhan.station.sales.ui;

import org.jspecify.annotations.NullMarked;

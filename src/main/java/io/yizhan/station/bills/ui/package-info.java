@NullMarked
package io.yizhan.station.bills.ui;

import org.jspecify.annotations.NullMarked;

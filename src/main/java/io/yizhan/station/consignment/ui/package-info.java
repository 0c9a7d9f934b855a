@NullMarked
package io.yizhan.station.consignment.ui;

import org.jspecify.annotations.NullMarked;

@NullMarked
package io.yizhan.station.sync.ui;

import org.jspecify.annotations.NullMarked;

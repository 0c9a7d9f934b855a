@NullMarked
package io.yizhan.station.terminals.ui;

import org.jspecify.annotations.NullMarked;

@NullMarked
package io.yizhan.station.operations.ui;

import org.jspecify.annotations.NullMarked;

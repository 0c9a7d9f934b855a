/** Central's screens for operators: the stations and the SMS sandbox. */
@NullMarked
package io.yizhan.central.ui;

import org.jspecify.annotations.NullMarked;

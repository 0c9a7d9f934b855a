/** Yizhan station: one top-level package per capability (a Spring Modulith module). */
@NullMarked
package io.yizhan.station;

import org.jspecify.annotations.NullMarked;

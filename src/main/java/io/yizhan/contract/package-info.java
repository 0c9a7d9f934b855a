/**
 * The wire contract between a station and central, versioned: the event envelope, the batch a
 * station sends, and central's answer per event. Shared by both sides of the same jar; a change
 * here is a new {@code version}, never a silent edit.
 */
@NullMarked
package io.yizhan.contract;

import org.jspecify.annotations.NullMarked;

/**
 * Operations: nightly backup of the station database with a retention count, the restore command,
 * and the manager's backup screen and status-strip item.
 */
@NullMarked
package io.yizhan.station.operations;

import org.jspecify.annotations.NullMarked;

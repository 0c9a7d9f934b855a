/**
 * Sync with central, offline first. Every business event central needs is written to an outbox
 * table of this module in the transaction that made the change, wrapped in the versioned envelope
 * of {@code io.yizhan.contract}, and delivered in batches at least once; central applies each event
 * id once, so the effect is exactly once.
 *
 * <p>Why an outbox of our own rather than Spring Modulith's event publication registry: the registry
 * records one entry per listener and replays them on restart, but it has no per-aggregate sequence,
 * no stable order across restarts to deliver in, no place for central's per-event answer, and no
 * quarantine that holds back only the aggregate of a rejected event. Those are what delivery and
 * the sync screen need, and one table with a unique (aggregate, sequence) gives them.
 */
@NullMarked
package io.yizhan.station.sync;

import org.jspecify.annotations.NullMarked;

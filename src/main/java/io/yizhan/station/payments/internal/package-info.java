/**
 * Payments' internals: the tables in plain SQL (every change of state a guarded update, so races
 * between the counter, the background job and a cancel are settled by the database; the drawer's
 * movements are appended under its session's row lock, which an aggregate saved as a whole could
 * not do), the gateway client, settlement of pending attempts, receipts and the Z report, the API.
 */
@NullMarked
package io.yizhan.station.payments.internal;

import org.jspecify.annotations.NullMarked;

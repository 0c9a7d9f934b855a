/**
 * Payments: the station's one way to take and give back money — cash into the counter's drawer
 * session, payment codes through central's gateway, refunds, disbursements, limits and fees, the
 * drawer's close and reconciliation. Public API: {@link io.yizhan.station.payments.Payments},
 * {@link io.yizhan.station.payments.Refunds}, {@link io.yizhan.station.payments.CashSessions} and
 * their records and events.
 */
@NullMarked
package io.yizhan.station.payments;

import org.jspecify.annotations.NullMarked;

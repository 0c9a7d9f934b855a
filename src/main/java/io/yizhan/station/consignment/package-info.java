/**
 * Consignment (代销) for farmers and craftspeople. So far: consignors, registered at the counter with
 * their contract terms and consent, their phone, ID and payout account numbers encrypted with a key
 * from configuration and looked up by a keyed hash. Public API:
 * {@link io.yizhan.station.consignment.Consignors} and its records.
 */
@NullMarked
package io.yizhan.station.consignment;

import org.jspecify.annotations.NullMarked;

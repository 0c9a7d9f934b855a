/**
 * Bills (缴费), phone top-up (充话费) and the social-security query (社保查询): water, electricity
 * and gas bills looked up and written off through central, paid in cash at the counter (also
 * accepted while central is away, submitted once it is back) or by payment code, alone at the
 * kiosk too. A write-off whose answer never came is asked about, never sent again; one that failed
 * is refunded to the original method. Public API: {@link io.yizhan.station.bills.Bills},
 * {@link io.yizhan.station.bills.SocialSecurity} and their records and events.
 */
@NullMarked
package io.yizhan.station.bills;

import org.jspecify.annotations.NullMarked;

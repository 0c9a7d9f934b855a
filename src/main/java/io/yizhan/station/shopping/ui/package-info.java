/** The kiosk's 买东西 and 我的订单, the counter's 代购 and the customer-facing display. */
@NullMarked
package io.yizhan.station.shopping.ui;

import org.jspecify.annotations.NullMarked;

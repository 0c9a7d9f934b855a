/** The payments screens at the counter: 收款 (cash and payment codes) and the cash drawer (开班, 日结). */
@NullMarked
package io.yizhan.station.payments.ui;

import org.jspecify.annotations.NullMarked;

package io.yizhan.station.shopping;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yizhan.shopping.*}. Review rules (seed 003; an order that meets any goes to the manager's
 * review queue before it is placed): {@code review-above-fen} (¥1,000), {@code review-quantity-over}
 * (more than 5 of one item), {@code review-orders-per-day} (more than 3 orders for one phone in a
 * day), {@code review-first-order-above-fen} (a new resident's first order above ¥500).
 * After-sales: {@code no-reason-days} (7, from receipt), {@code no-reason-excluded} (categories
 * without a no-reason return: fresh food), {@code pre-approve-under-fen} (a request within the window
 * for an unopened item under this amount is approved at once, ¥200). Privacy:
 * {@code erase-after-days} (180) — phone numbers and home addresses leave orders completed that long
 * ago; a resident with no order for {@code forget-resident-after-days} (365) is forgotten.
 * Returns: {@code returns.name}, {@code .phone}, {@code .province} (a tariff province code) and
 * {@code .address} — the platform's returns warehouse, where a returned, exchanged or repaired item
 * is sent (demo: a warehouse in 浙江).
 */
@ConfigurationProperties("yizhan.shopping")
public record ShoppingProperties(@DefaultValue("100000") long reviewAboveFen, @DefaultValue("5") int reviewQuantityOver,
                                 @DefaultValue("3") int reviewOrdersPerDay, @DefaultValue("50000") long reviewFirstOrderAboveFen,
                                 @DefaultValue("7") int noReasonDays, @DefaultValue("FRESH") List<String> noReasonExcluded,
                                 @DefaultValue("20000") long preApproveUnderFen, @DefaultValue("180") int eraseAfterDays,
                                 @DefaultValue("365") int forgetResidentAfterDays, @DefaultValue Returns returns) {

    public record Returns(@DefaultValue("平台售后仓") String name, @DefaultValue("13800000002") String phone, @DefaultValue("ZJ") String province,
                          @DefaultValue("浙江省杭州市余杭区仓前街道售后仓1号") String address) {
    }
}

package io.yizhan.station.payments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Money taken: how much (fen), how ({@code method} {@code CASH} or {@code CODE}; {@code channel}
 * {@code CASH}, {@code WECHAT} or {@code ALIPAY}), where it stands, for what, by whom, where and
 * when; the change handed back for cash, what was refunded, the channel's fee, and why it failed.
 */
public record Payment(UUID id, long amountFen, String method, String channel, PaymentStatus status, String purpose, String clerk,
                      String terminal, Instant paidAt, long tenderedFen, long changeFen, long refundedFen, long feeFen,
                      @Nullable String reason) {
}

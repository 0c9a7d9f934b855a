package io.yizhan.station.payments;

import java.time.Instant;
import java.util.UUID;

/** Money taken: how much (fen), how, for what, by whom, where and when. */
public record Payment(UUID id, long amountFen, String method, String purpose, String clerk, String terminal, Instant paidAt) {
}

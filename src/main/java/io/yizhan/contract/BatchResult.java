package io.yizhan.contract;

import java.util.List;

/** Central's answer to a batch: one result per event, in the batch's order. */
public record BatchResult(List<EventResult> results) {
}

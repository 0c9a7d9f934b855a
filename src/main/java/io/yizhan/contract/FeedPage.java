package io.yizhan.contract;

import java.util.List;

/** A page of a feed, oldest first; an empty page means the station is up to date. */
public record FeedPage(List<FeedItem> items) {
}

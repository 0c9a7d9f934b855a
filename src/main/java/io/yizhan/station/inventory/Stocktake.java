package io.yizhan.station.inventory;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A stocktake (盘点) of one location or the whole station ({@code location} null): {@code OPEN} while
 * staff count, {@code POSTED} once a manager posted its differences as ADJUST moves. Its count lines
 * change by guarded updates, one scan at a time, so they are kept beside the aggregate.
 */
@Table("inventory_stocktake")
public record Stocktake(@Id UUID id, @Version @Nullable Long version, @Nullable String location, String status, String startedBy,
                        Instant startedAt, @Nullable String postedBy, @Nullable Instant postedAt) {

    public boolean open() {
        return status.equals("OPEN");
    }
}

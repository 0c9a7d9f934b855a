package io.yizhan.station.consignment;

import io.yizhan.station.inventory.Unit;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a farmer hands over: the product (a code from the list) and grade, weighed bags (grams each,
 * from the scale) or a piece count, the price agreed per kg or piece, where it comes from and when it
 * was harvested or packed, and for the 承诺达标合格证 the basis of the commitment.
 */
public record LotRequest(UUID consignorId, String productCode, @Nullable String grade, @Nullable Unit unit, List<Long> bags, @Nullable Long pieces,
                         long unitPriceFen, String origin, @Nullable LocalDate harvestedOn, @Nullable CommitmentBasis basis) {

    public LotRequest {
        bags = bags == null ? List.of() : List.copyOf(bags);
    }
}

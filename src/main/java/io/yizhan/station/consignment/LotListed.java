package io.yizhan.station.consignment;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The station's manager approved a listing of a lot for the platform: what it is (product, grade,
 * origin, harvest date), its title and description (passed the listing check), price per kg or
 * piece, the quantity offered (grams or pieces) and a small picture (JPEG, Base64). No personal data
 * of the consignor travels with it.
 */
public record LotListed(UUID eventId, UUID listingId, UUID lotId, String lotNo, String productCode, String productName, String grade, String unit,
                        String title, String description, long priceFen, long quantity, String origin, LocalDate harvestedOn,
                        @Nullable String thumbnailJpegBase64, Instant at) implements OutboundEvent {

    @Override
    public UUID aggregateId() {
        return listingId;
    }
}

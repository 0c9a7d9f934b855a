package io.yizhan.station.shopping.internal;

import io.yizhan.station.parcels.ExpectedParcels;
import java.util.List;
import io.yizhan.station.shopping.Residents;
import io.yizhan.station.shopping.Shopping;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells the parcel counter that a waybill is a shipped order's: the resident's phone for the pickup
 * text, and "代购订单 … 王*伯" on the check-in screen.
 */
@Component
class OrderParcels implements ExpectedParcels {

    private final Shopping shopping;
    private final Residents residents;

    OrderParcels(Shopping shopping, Residents residents) {
        this.shopping = shopping;
        this.residents = residents;
    }

    @Override
    public Optional<Expected> expected(String waybill) {
        return shopping.shippedWith(waybill).flatMap(o -> residents.phoneOf(o.residentId()).map(phone -> new Expected(phone,
                "shopping.check-in.note", List.of(o.orderNo(), residents.find(o.residentId()).map(Residents.Resident::shownMasked).orElse("")))));
    }
}

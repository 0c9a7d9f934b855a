package io.yizhan.station.parcels.internal;

import io.yizhan.station.parcels.CheckIn;
import io.yizhan.station.parcels.Parcel;
import io.yizhan.station.parcels.ParcelRefused;
import io.yizhan.station.parcels.ParcelStatus;
import io.yizhan.station.parcels.Parcels;
import io.yizhan.station.parcels.SendRequest;
import io.yizhan.station.parcels.Sending;
import io.yizhan.station.parcels.Shipment;
import io.yizhan.station.parcels.SizeClass;
import io.yizhan.station.shared.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The parcels API (staff, HTTP Basic, JSON; errors {@code {code, message}} in the request's
 * language): check-in, lookup by code, phone tail, waybill or status, pickup, counts, and sending
 * (send, collect).
 */
@RestController
class ParcelsApi {

    private final Parcels parcels;
    private final Sending sending;
    private final io.yizhan.station.shared.StationTime time;

    ParcelsApi(Parcels parcels, Sending sending, io.yizhan.station.shared.StationTime time) {
        this.parcels = parcels;
        this.sending = sending;
        this.time = time;
    }

    record SendBody(@Nullable String courier, @Nullable String senderName, @Nullable String senderPhone, @Nullable String recipientName,
                    @Nullable String recipientPhone, @Nullable String province, @Nullable String address, @Nullable Long grams,
                    @Nullable Integer lengthCm, @Nullable Integer widthCm, @Nullable Integer heightCm) {
    }

    /** 寄件 over the API: the cash is taken at the calling terminal, the waybill label printed there. */
    @PostMapping("/api/parcels/send")
    ResponseEntity<Map<String, Object>> send(@RequestBody SendBody b) {
        Shipment s = sending.send(new SendRequest(nonNull(b.courier()), nonNull(b.senderName()), nonNull(b.senderPhone()),
                nonNull(b.recipientName()), nonNull(b.recipientPhone()), nonNull(b.province()), nonNull(b.address()),
                b.grams() == null ? 0 : b.grams(), b.lengthCm(), b.widthCm(), b.heightCm()));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(s));
    }

    @PostMapping("/api/parcels/collect")
    Map<String, Object> collect(@RequestBody Map<String, String> body) {
        return json(sending.collect(nonNull(body.get("waybill"))));
    }

    record CheckInBody(@Nullable String waybill, @Nullable String phone, @Nullable String courier, @Nullable String size,
                       @Nullable Boolean cold, @Nullable String damageNote, @Nullable Long codFen) {
    }

    record PickupBody(@Nullable String proxyName, @Nullable String proxyPhone) {
    }

    @PostMapping("/api/parcels/check-in")
    ResponseEntity<Map<String, Object>> checkIn(@RequestBody CheckInBody body) {
        SizeClass size = null;
        if (body.size() != null && !body.size().isBlank()) {
            try {
                size = SizeClass.valueOf(body.size().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParcelRefused("BAD_SIZE", "parcels.error.size");
            }
        }
        Parcel parcel = parcels.checkIn(new CheckIn(nonNull(body.waybill()), nonNull(body.phone()), body.courier(), size,
                Boolean.TRUE.equals(body.cold()), body.damageNote(), body.codFen()));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(parcel));
    }

    @GetMapping("/api/parcels")
    List<Map<String, Object>> find(@RequestParam(required = false) String code, @RequestParam(required = false) String phoneTail,
                                   @RequestParam(required = false) String waybill, @RequestParam(required = false) String status) {
        List<Parcel> found;
        if (code != null) {
            found = parcels.byCode(code).map(List::of).orElse(List.of());
        } else if (phoneTail != null) {
            found = phoneTail.matches("\\d{4}") ? parcels.byPhoneTail(phoneTail) : List.of();
        } else if (waybill != null) {
            found = parcels.byWaybill(waybill);
        } else if (status != null) {
            ParcelStatus s;
            try {
                s = ParcelStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParcelRefused("BAD_STATUS", "parcels.error.status");
            }
            if (s == ParcelStatus.AWAITING_COLLECTION || s == ParcelStatus.COLLECTED) {
                return sending.byStatus(s, 500).stream().map(ParcelsApi::json).toList();
            }
            found = parcels.byStatus(s, 500);
        } else {
            found = parcels.byStatus(ParcelStatus.IN_STORE, 500);
        }
        return found.stream().map(ParcelsApi::json).toList();
    }

    @PostMapping("/api/parcels/{id}/pickup")
    Map<String, Object> pickUp(@PathVariable UUID id, @RequestBody(required = false) @Nullable PickupBody body) {
        return json(parcels.pickUp(id, body == null ? null : body.proxyName(), body == null ? null : body.proxyPhone()));
    }

    @GetMapping("/api/parcels/stats")
    Map<ParcelStatus, Long> stats() {
        return parcels.stats();
    }

    @ExceptionHandler(ParcelRefused.class)
    ResponseEntity<ApiError> refused(ParcelRefused e, HttpServletRequest request) {
        HttpStatus status = switch (e.code()) {
            case "DUPLICATE_WAYBILL", "STATION_FULL", "ALREADY_OUT", "COD_UNPAID", "ALREADY_COLLECTED" -> HttpStatus.CONFLICT;
            case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_REQUEST;
        };
        if (e.at() != null) {
            return ResponseEntity.status(status).body(ApiError.of(e.code(), e.messageKey(), request, time.dateTime(e.at())));
        }
        return ResponseEntity.status(status).body(ApiError.of(e.code(), e.messageKey(), request, "?"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpServletRequest request) {
        return ResponseEntity.badRequest().body(ApiError.of("BAD_REQUEST", "api.error.bad-request", request));
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** A sent parcel, with the same fields as an inbound one where they apply (no pickup code, no shelf). */
    static Map<String, Object> json(Shipment s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("waybill", s.waybill());
        m.put("courier", s.courier());
        m.put("pickupCode", null);
        m.put("shelf", null);
        m.put("layer", null);
        m.put("status", s.status().name());
        m.put("phone", s.recipientPhone());
        m.put("senderPhone", s.senderPhone());
        m.put("province", s.province());
        m.put("grams", s.grams());
        m.put("chargeableKg", s.chargeableKg());
        m.put("priceFen", s.priceFen());
        m.put("createdAt", s.createdAt().toString());
        m.put("collectedAt", s.collectedAt() == null ? null : s.collectedAt().toString());
        return m;
    }

    static Map<String, Object> json(Parcel p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("waybill", p.waybill());
        m.put("courier", p.courier());
        m.put("pickupCode", p.pickupCode());
        m.put("shelf", p.shelf());
        m.put("layer", p.layer());
        m.put("status", p.status().name());
        m.put("phone", p.phone());
        m.put("size", p.size().name());
        m.put("cold", p.cold());
        m.put("codFen", p.codFen());
        m.put("checkedInAt", p.checkedInAt().toString());
        m.put("leftAt", p.leftAt() == null ? null : p.leftAt().toString());
        return m;
    }
}

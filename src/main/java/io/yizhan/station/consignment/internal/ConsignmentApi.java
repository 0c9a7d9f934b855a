package io.yizhan.station.consignment.internal;

import io.yizhan.station.consignment.CommitmentBasis;
import io.yizhan.station.consignment.ConsignmentProducts;
import io.yizhan.station.consignment.ConsignmentRefused;
import io.yizhan.station.consignment.Lot;
import io.yizhan.station.consignment.LotRequest;
import io.yizhan.station.consignment.Lots;
import io.yizhan.station.consignment.Consignor;
import io.yizhan.station.consignment.ConsignorDraft;
import io.yizhan.station.consignment.Consignors;
import io.yizhan.station.consignment.EndAction;
import io.yizhan.station.consignment.ListingCheck;
import io.yizhan.station.consignment.PayoutMethod;
import io.yizhan.station.consignment.Settlement;
import io.yizhan.station.consignment.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The consignment API (staff, HTTP Basic, JSON, errors {@code {code, message}}): consignors so far. */
@RestController
class ConsignmentApi {

    private final Consignors consignors;
    private final ListingCheck listingCheck;
    private final ConsignmentProducts products;
    private final Lots lots;
    private final Settlement settlement;

    ConsignmentApi(Consignors consignors, ListingCheck listingCheck, ConsignmentProducts products, Lots lots, Settlement settlement) {
        this.consignors = consignors;
        this.listingCheck = listingCheck;
        this.products = products;
        this.lots = lots;
        this.settlement = settlement;
    }

    record ProductOut(String code, String name, String variety, String grade, String unit, String category) {
    }

    @GetMapping("/api/consignment/products")
    java.util.List<ProductOut> products() {
        return products.all().stream().map(p -> new ProductOut(p.code(), p.name(), p.variety(), p.grade(), p.unit().name(), p.category())).toList();
    }

    record LotIn(@Nullable UUID consignorId, @Nullable String product, @Nullable String grade, @Nullable String unit,
                 java.util.@Nullable List<Long> bags, @Nullable Long pieces, @Nullable Long unitPriceFen, @Nullable String origin,
                 java.time.@Nullable LocalDate harvestedOn, @Nullable String commitmentBasis) {
    }

    record LotOut(UUID id, String lotNo, String sku, long quantity, java.util.List<String> labelBarcodes) {
    }

    /** Intake: the lot stored, its labels (one per bag or piece), 合格证 and receipt queued. */
    @PostMapping("/api/consignment/lots")
    ResponseEntity<LotOut> intake(@RequestBody LotIn in) {
        if (in.consignorId() == null) {
            throw new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.not-found");
        }
        io.yizhan.station.inventory.Unit unit = in.unit() == null ? null : parse(io.yizhan.station.inventory.Unit.class, in.unit());
        CommitmentBasis basis = in.commitmentBasis() == null ? null : parse(CommitmentBasis.class, in.commitmentBasis());
        Lot lot = lots.intake(new LotRequest(in.consignorId(), nonNull(in.product()), in.grade(), unit, in.bags() == null ? java.util.List.of() : in.bags(),
                in.pieces(), in.unitPriceFen() == null ? 0 : in.unitPriceFen(), nonNull(in.origin()), in.harvestedOn(), basis));
        return ResponseEntity.status(HttpStatus.CREATED).body(new LotOut(lot.id(), lot.lotNo(), lot.sku(), lot.quantity(), lot.labelBarcodes()));
    }

    record CheckIn(@Nullable String title, @Nullable String description) {
    }

    record HitOut(String field, String word, int start, int end, String rule, String law, String suggestion) {
    }

    record CheckOut(boolean ok, java.util.List<HitOut> hits) {
    }

    /** The compliance check of a listing's title and description; nothing is stored. */
    @PostMapping("/api/consignment/listings/check")
    CheckOut check(@RequestBody CheckIn in) {
        String title = in.title() == null ? "" : in.title();
        String description = in.description() == null ? "" : in.description();
        if (title.length() > 200 || description.length() > 20_000) {
            throw new ConsignmentRefused("TOO_LONG", 400, "consignment.error.listing-too-long");
        }
        ListingCheck.Result r = listingCheck.check(title, description);
        return new CheckOut(r.ok(), r.hits().stream().map(h -> new HitOut(h.field(), h.word(), h.start(), h.end(), h.rule(), h.law(), h.suggestion())).toList());
    }

    record ConsignorIn(@Nullable String name, @Nullable String phone, @Nullable String idNumber, @Nullable String payoutMethod,
                       @Nullable String payoutAccount, @Nullable String proxyName, @Nullable Integer commissionCounterPct,
                       @Nullable Integer commissionOnlinePct, @Nullable Integer periodDays, @Nullable String endAction, @Nullable Long floorPriceFen) {

        @Override
        public String toString() {
            return "ConsignorIn[" + name + "]";
        }
    }

    record ConsignorOut(UUID id, String name, @Nullable String phoneMasked, @Nullable String idMasked) {

        static ConsignorOut of(Consignor c) {
            return new ConsignorOut(c.id(), c.name(), c.phoneMasked(), c.idMasked());
        }
    }

    @PostMapping("/api/consignment/consignors")
    ResponseEntity<ConsignorOut> register(@RequestBody ConsignorIn in) {
        PayoutMethod method = parse(PayoutMethod.class, in.payoutMethod());
        EndAction end = parse(EndAction.class, in.endAction());
        if (in.commissionCounterPct() == null || in.commissionOnlinePct() == null || in.periodDays() == null) {
            throw new ConsignmentRefused("BAD_TERMS", 400, "consignment.error.terms");
        }
        Consignor made = consignors.register(new ConsignorDraft(nonNull(in.name()), nonNull(in.phone()), nonNull(in.idNumber()), method,
                in.payoutAccount(), in.proxyName(), in.commissionCounterPct(), in.commissionOnlinePct(), in.periodDays(), end, in.floorPriceFen()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ConsignorOut.of(made));
    }

    @GetMapping("/api/consignment/consignors/{id}")
    ConsignorOut get(@PathVariable UUID id) {
        return consignors.find(id).map(ConsignorOut::of).orElseThrow(() -> new ConsignmentRefused("NOT_FOUND", 404, "consignment.error.not-found"));
    }

    record LineOut(UUID saleId, @Nullable UUID returnId, String lotNo, String channel, long quantity, long amountFen, long commissionFen,
                   long shareFen, java.time.Instant at) {
    }

    record PayoutOut(UUID id, long amountFen, String method, @Nullable String reference, java.time.Instant at) {
    }

    record WriteOffOut(String lotNo, long quantity, String reason, String borneBy, java.time.Instant at) {
    }

    record MarkdownOut(String lotNo, long fromPriceFen, long toPriceFen, java.time.Instant at) {
    }

    record StatementOut(UUID consignorId, String name, LocalDate from, LocalDate to, java.util.List<LineOut> lines, java.util.List<PayoutOut> payouts,
                        java.util.List<WriteOffOut> writeOffs, java.util.List<MarkdownOut> markdowns, long salesFen, long commissionFen, long shareFen, long payoutsFen, long openingFen,
                        long balanceFen, long pendingFen) {
    }

    /** A consignor's statement for a period (dates inclusive, the station's zone; today when not given). */
    @GetMapping("/api/consignment/consignors/{id}/statement")
    StatementOut statement(@PathVariable UUID id, @RequestParam(required = false) @Nullable String from,
                           @RequestParam(required = false) @Nullable String to) {
        LocalDate today = settlement.today();
        Statement s = settlement.statement(id, date(from, today), date(to, today));
        return new StatementOut(id, s.consignor().name(), s.from(), s.to(),
                s.lines().stream().map(l -> new LineOut(l.saleId(), l.returnId(), l.lotNo(), l.channel(), l.quantity(), l.amountFen(), l.commissionFen(),
                        l.shareFen(), l.at())).toList(),
                s.payouts().stream().map(p -> new PayoutOut(p.id(), p.amountFen(), p.method(), p.reference(), p.at())).toList(),
                s.writeOffs().stream().map(w -> new WriteOffOut(w.lotNo(), w.quantity(), w.reason(), w.borneBy(), w.at())).toList(),
                s.markdowns().stream().map(m -> new MarkdownOut(m.lotNo(), m.fromPriceFen(), m.toPriceFen(), m.at())).toList(),
                s.salesFen(), s.commissionFen(), s.shareFen(), s.payoutsFen(), s.openingFen(), s.balanceFen(), s.pendingFen());
    }

    record PayoutIn(@Nullable Long amountFen, @Nullable String method, @Nullable String reference, @Nullable String idempotencyKey) {
    }

    record PaidOut(UUID id, long amountFen, String method) {
    }

    /** A payout from the consignor's balance; cash comes from the calling counter's drawer (its paired browser, or {@code X-Terminal}). */
    @PostMapping("/api/consignment/consignors/{id}/payouts")
    ResponseEntity<PaidOut> payout(@PathVariable UUID id, @RequestBody PayoutIn in) {
        Settlement.Paid paid = settlement.payout(id, in.amountFen() == null ? 0 : in.amountFen(), in.method(), in.reference(), in.idempotencyKey());
        return ResponseEntity.status(paid.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new PaidOut(paid.payout().id(), paid.payout().amountFen(), paid.payout().method()));
    }

    private static LocalDate date(@Nullable String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConsignmentRefused("BAD_PERIOD", 400, "consignment.error.period");
        }
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConsignmentRefused("BAD_TERMS", 400, "consignment.error.terms");
        }
    }

}

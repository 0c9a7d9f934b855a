package io.yizhan.station.consignment;

import io.yizhan.station.inventory.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A consignor's statement (对账单) for a period (dates in the station's zone, inclusive): every sale
 * line of their lots (returns negative) with its commission and their share, the payouts, the
 * write-offs, and the balance — what was owed before the period ({@code openingFen}) plus the shares
 * that became payable less the payouts, as of the period's end or now if sooner. {@code pendingFen}:
 * shares of online sales still in their after-sales window.
 */
public record Statement(Consignor consignor, LocalDate from, LocalDate to, List<Line> lines, List<Payout> payouts, List<WriteOff> writeOffs,
                        List<Markdown> markdowns, long salesFen, long commissionFen, long shareFen, long payoutsFen, long openingFen, long balanceFen,
                        long pendingFen) {

    public Statement {
        lines = List.copyOf(lines);
        payouts = List.copyOf(payouts);
        writeOffs = List.copyOf(writeOffs);
        markdowns = List.copyOf(markdowns);
    }

    /** A lot's price lowered (per kg or piece). */
    public record Markdown(String lotNo, String productName, Unit unit, long fromPriceFen, long toPriceFen, Instant at) {
    }

    /** One lot's part of a sale (or of a return: negative), in grams or pieces and fen. */
    public record Line(UUID saleId, @Nullable UUID returnId, String lotNo, String productName, Unit unit, String channel, long quantity,
                       long amountFen, int commissionPct, long commissionFen, long shareFen, Instant at, Instant payableAt) {
    }

    /** Money paid to the consignor. */
    public record Payout(UUID id, long amountFen, String method, @Nullable String reference, String clerk, Instant at) {
    }

    /** Goods of a lot written off, why, and who bears it ({@code CONSIGNOR} or {@code STATION}). */
    public record WriteOff(String lotNo, String productName, Unit unit, long quantity, String reason, String borneBy, Instant at) {
    }
}

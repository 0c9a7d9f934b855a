package io.yizhan.station.consignment;

import org.jspecify.annotations.Nullable;

/**
 * A consignor as the clerk registers them: name, phone, ID number (GB 11643), how they are paid (and
 * the account for bank or WeChat), an optional proxy allowed to collect, and the contract terms —
 * commission per channel in whole percents, the consignment period, the end action and, for
 * {@code MARKDOWN}, the floor price in fen.
 */
public record ConsignorDraft(String name, String phone, String idNumber, PayoutMethod payoutMethod, @Nullable String payoutAccount,
                             @Nullable String proxyName, int commissionCounterPct, int commissionOnlinePct, int periodDays, EndAction endAction,
                             @Nullable Long floorPriceFen) {

    @Override
    public String toString() {
        // the numbers are personal information: never in a log
        return "ConsignorDraft[" + name + ", " + payoutMethod + ", " + commissionCounterPct + "%/" + commissionOnlinePct + "%, " + periodDays + " days, "
                + endAction + "]";
    }
}
